export type {
  CommitInfo,
  GitHubAppOptions,
  GitHubCommitSeed,
  GitHubRepoSeed,
  GitHubStore,
  PullMergedEvent,
  RepoChangedEvent,
} from './types';
export { createGitHubApp } from './app';
