export type {
  GitHubAppOptions,
  GitHubCommitSeed,
  GitHubRepoSeed,
  GitHubStore,
  PullMergedEvent,
} from './types';
export { createGitHubApp } from './app';
