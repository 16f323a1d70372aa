export type {
  CommitInfo,
  GitHubAppOptions,
  GitHubCommitSeed,
  GitHubRepoSeed,
  GitHubStore,
  GitHubTagAnnotation,
  GitHubTagSeed,
  PullMergedEvent,
  RepoChangedEvent,
} from './types';
export { createGitHubApp } from './app';
