export type {
  CommitInfo,
  GitHubAppInstallationSeed,
  GitHubAppOptions,
  GitHubAppSeed,
  GitHubCommitSeed,
  GitHubRepoSeed,
  GitHubStore,
  GitHubTagAnnotation,
  GitHubTagSeed,
  PullMergedEvent,
  RepoChangedEvent,
} from './types';
export { createGitHubApp } from './app';
