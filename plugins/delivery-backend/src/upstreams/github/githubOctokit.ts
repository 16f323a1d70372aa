import { Octokit } from '@octokit/rest';
import {
  createConfigRepoOctokit as createSharedConfigRepoOctokit,
  type ConfigRepoTarget,
} from '@gitops-delivery/backstage-plugin-delivery-node';
import { createGitHubFetch } from './githubFetch';

/** How to reach a GitHub API: its base URL, credentials and bounds. */
export interface GitHubConnection {
  apiBaseUrl: string;
  /** A static integration token. */
  token?: string;
  /**
   * Supplies a token per request when there is no static token: the
   * integration's credentials provider (GitHub App installation tokens rotate).
   */
  getToken?: () => Promise<string | undefined>;
  timeoutMs: number;
  /** Response-size cap (default 5 MiB). */
  maxBytes?: number;
  /** Names the upstream in errors (default `GitHub`). */
  what?: string;
}

/**
 * The one way this plugin builds an Octokit, for reads and writes alike:
 * our bounded fetch (timeout, no redirects, size cap, JSON check), no
 * logging, and credentials through the integration (static token, else
 * `getToken` per request).
 */
export function createGitHubOctokit(connection: GitHubConnection): Octokit {
  return new Octokit({
    baseUrl: connection.apiBaseUrl,
    auth: connection.token,
    userAgent: 'backstage-plugin-delivery',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: {
      fetch: createGitHubFetch({
        timeoutMs: connection.timeoutMs,
        maxBytes: connection.maxBytes ?? 5 * 1024 * 1024,
        what: connection.what ?? 'GitHub',
        getToken: connection.token ? undefined : connection.getToken,
      }),
    },
  });
}

/**
 * Creates the Octokit used for one config repo: delivery-node's
 * (`createConfigRepoOctokit`: credentials through the integration, one
 * bounded rate-limit backoff for reads only, a POST, PATCH, PUT or DELETE
 * never sent twice) over this plugin's bounded fetch (timeout, no redirects,
 * response-size cap, JSON check).
 */
export function createConfigRepoOctokit(
  target: ConfigRepoTarget,
  options: { maxBytes?: number; maxBackoffMs?: number } = {},
): Octokit {
  return createSharedConfigRepoOctokit(target, {
    fetch: createGitHubFetch({
      timeoutMs: target.timeoutMs,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      what: `GitHub ${target.owner}/${target.repo}`,
      getToken: target.token ? undefined : target.getToken,
    }),
    maxRateLimitWaitMs: options.maxBackoffMs,
  });
}
