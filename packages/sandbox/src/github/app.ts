import type { Express } from 'express';
import type { GitHubAppOptions, GitHubStore } from './types';

/**
 * Creates the GitHub Enterprise simulator: an express app serving the REST API under `/api/v3`
 * and the git store behind it. Reset via `store.reset(seeds)`.
 * @public
 */
export async function createGitHubApp(
  _options: GitHubAppOptions,
): Promise<{ app: Express; store: GitHubStore }> {
  throw new Error('createGitHubApp: not implemented yet');
}
