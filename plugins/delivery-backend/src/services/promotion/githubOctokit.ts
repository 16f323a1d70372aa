import { Octokit } from '@octokit/rest';
import { ServiceUnavailableError } from '@backstage/errors';
import { createGitHubFetch } from '../../upstreams/github/githubFetch';

/** Where a config repository lives and how to reach it. @public */
export interface ConfigRepoTarget {
  owner: string;
  repo: string;
  apiBaseUrl: string;
  token?: string;
  timeoutMs: number;
}

interface RateLimitedError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Longest wait we accept for one rate-limit backoff. */
const MAX_BACKOFF_MS = 10_000;

/** Creates the Octokit used for one config repo: timeouts, no redirects, one bounded rate-limit backoff. @public */
export function createConfigRepoOctokit(
  target: ConfigRepoTarget,
  options: { maxBytes?: number; maxBackoffMs?: number } = {},
): Octokit {
  const octokit = new Octokit({
    baseUrl: target.apiBaseUrl,
    auth: target.token,
    userAgent: 'backstage-plugin-delivery',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    request: {
      fetch: createGitHubFetch({
        timeoutMs: target.timeoutMs,
        maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
        what: `GitHub ${target.owner}/${target.repo}`,
      }),
    },
  });
  const maxBackoff = options.maxBackoffMs ?? MAX_BACKOFF_MS;
  octokit.hook.wrap('request', async (request, opts) => {
    try {
      return await request(opts);
    } catch (e) {
      const wait = rateLimitWaitMs(e);
      if (wait === undefined) throw e;
      if (wait > maxBackoff) {
        throw new ServiceUnavailableError(
          `GitHub rate limit exhausted for ${Math.ceil(wait / 1000)} s; try again later`,
        );
      }
      await new Promise(r => setTimeout(r, wait));
      try {
        return await request(opts);
      } catch (e2) {
        if (rateLimitWaitMs(e2) !== undefined) {
          throw new ServiceUnavailableError(
            'GitHub rate limit still exhausted after one backoff; try again later',
          );
        }
        throw e2;
      }
    }
  });
  return octokit;
}

/** Milliseconds to wait when `e` is a GitHub rate-limit answer, else undefined. */
export function rateLimitWaitMs(e: unknown): number | undefined {
  const err = e as RateLimitedError;
  if (err?.status !== 403 && err?.status !== 429) return undefined;
  const headers = err.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && headers['retry-after'] !== undefined) {
    return Math.max(0, retryAfter * 1000);
  }
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset)
      ? Math.max(0, reset * 1000 - Date.now())
      : 60_000;
  }
  return err.status === 429 ? 1000 : undefined;
}

