import { Octokit } from '@octokit/rest';
import { ServiceUnavailableError } from '@backstage/errors';
import { createBoundedFetch } from './boundedFetch';
import type { ConfigRepoTarget } from './configRepoTarget';
import { isNetworkError, isTimeout, statusOf } from './octokitErrors';
import { rateLimitWaitMs } from './rateLimit';

/**
 * How the requests of a config-repo Octokit are bounded.
 * @public
 */
export interface ConfigRepoRequestOptions {
  /**
   * The `fetch` under Octokit. Default {@link createBoundedFetch} (timeout,
   * no redirects, per-request token); a caller that brings its own must
   * bound it the same way.
   */
  fetch?: typeof fetch;
  /** Attempts for idempotent reads (GET/HEAD) after a timeout, a network error or a 5xx (default 1); writes always get exactly one. */
  readAttempts?: number;
  /** Base backoff between read attempts, jittered (default 100 ms). */
  backoffMs?: number;
  /** Longest rate-limit wait accepted for the one backoff of a read (default 10 s). */
  maxRateLimitWaitMs?: number;
  /** Where Octokit's warnings go (its errors, expected 404s included, go to `debug`). */
  logger?: { warn(message: string): void; debug(message: string): void };
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD']);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Creates the Octokit of one config repository. Every request (one `fetch`
 * and one hook, so no call can forget them) is bounded:
 * - a per-attempt timeout; a timeout becomes a `ServiceUnavailableError`
 *   naming the request;
 * - no redirects: a 3xx answer is an error, never followed with credentials;
 * - credentials through the integration: the static token, else `getToken`
 *   per request (GitHub App installation tokens);
 * - reads (GET/HEAD) are retried with jittered backoff up to `readAttempts`
 *   and wait out one bounded rate limit; a POST, PATCH, PUT or DELETE is
 *   never sent twice.
 * @public
 */
export function createConfigRepoOctokit(
  target: ConfigRepoTarget,
  options: ConfigRepoRequestOptions = {},
): Octokit {
  const { logger } = options;
  const octokit = new Octokit({
    baseUrl: target.apiBaseUrl.replace(/\/+$/, ''),
    auth: target.token,
    userAgent: 'backstage-plugin-delivery',
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => logger?.warn(message),
      // Octokit reports every non-2xx (expected 404s too) as an error; real failures are thrown
      error: (message: string) => logger?.debug(message),
    },
    request: {
      fetch:
        options.fetch ??
        createBoundedFetch({
          timeoutMs: target.timeoutMs,
          getToken: target.token ? undefined : target.getToken,
        }),
    },
  });
  const attempts = Math.max(1, options.readAttempts ?? 1);
  const backoff = options.backoffMs ?? 100;
  const maxRateLimitWait = options.maxRateLimitWaitMs ?? 10_000;
  const name = `${target.owner}/${target.repo}`;
  octokit.hook.wrap('request', async (request, endpoint) => {
    const method = String(endpoint.method ?? 'GET').toUpperCase();
    const idempotent = IDEMPOTENT.has(method);
    const url = octokit.request.endpoint.parse(endpoint).url;
    const what = `${method} ${url.replace(String(endpoint.baseUrl), '')}`;
    let rateLimited = false;
    for (let attempt = 1; ; ) {
      let failure: unknown;
      let retryable = false;
      try {
        // (hooks of before-after-hook ignore changed options: `request` re-sends `endpoint`)
        const response = await request(endpoint);
        if (response.status >= 300 && response.status < 400) {
          throw new ServiceUnavailableError(
            `GitHub answered ${what} with a redirect (${response.status}); redirects are not followed with credentials`,
          );
        }
        return response;
      } catch (e) {
        if (e instanceof ServiceUnavailableError) throw e;
        const wait = rateLimitWaitMs(e);
        if (wait !== undefined) {
          if (!idempotent) {
            throw new ServiceUnavailableError(
              `GitHub rate limited a ${method} on ${name}; it was not retried (writes never are); try again later`,
            );
          }
          if (rateLimited) {
            throw new ServiceUnavailableError(
              'GitHub rate limit still exhausted after one backoff; try again later',
            );
          }
          if (wait > maxRateLimitWait) {
            throw new ServiceUnavailableError(
              `GitHub rate limit exhausted for ${Math.ceil(
                wait / 1000,
              )} s; try again later`,
            );
          }
          rateLimited = true;
          await sleep(wait);
          continue;
        }
        if (isTimeout(e)) {
          failure = new ServiceUnavailableError(
            `GitHub did not answer ${what} within ${target.timeoutMs} ms`,
          );
          retryable = true;
        } else {
          failure = e;
          const status = statusOf(e);
          retryable =
            isNetworkError(e) ||
            (status !== undefined && RETRYABLE_STATUS.has(status));
        }
      }
      if (!idempotent || !retryable || attempt >= attempts) throw failure;
      await sleep(backoff * attempt * (0.5 + Math.random()));
      attempt++;
    }
  });
  return octokit;
}
