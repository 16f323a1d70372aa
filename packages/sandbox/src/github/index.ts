export type {
  CommitInfo,
  GitHubAppInstallationSeed,
  GitHubAppOptions,
  GitHubAppSeed,
  GitHubCommitSeed,
  GitHubMergedPullSeed,
  GitHubRepoSeed,
  GitHubStore,
  GitHubTagAnnotation,
  GitHubTagSeed,
  PullMergedEvent,
  RepoChangedEvent,
} from './types';
export { createGitHubApp } from './app';
