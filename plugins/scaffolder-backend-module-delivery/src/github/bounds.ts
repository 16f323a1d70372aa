import { ServiceUnavailableError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';

type OctokitOptions = NonNullable<ConstructorParameters<typeof Octokit>[0]>;

/** Bounds applied to every request of an Octokit instance. */
export interface RequestBounds {
  /** Per-attempt timeout; Octokit ignores a `timeout` option, so this is an AbortSignal. */
  timeoutMs: number;
  /** Attempts for idempotent reads (GET/HEAD); writes always get exactly one. */
  readAttempts?: number;
  /** Base backoff between read attempts, jittered (tests pass small values). */
  backoffMs?: number;
  /**
   * Supplies the token per request when the integration has no static token
   * (a GitHub App: the integration's credentials provider mints and rotates
   * installation tokens). The lookup is bounded by the same timeout.
   */
  getToken?: () => Promise<string | undefined>;
}

const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);

/** HTTP status of an Octokit RequestError, if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A network failure (Octokit reports those as status 500 without a response). */
function isNetworkError(error: unknown): boolean {
  return (
    statusOf(error) === 500 &&
    (error as { response?: unknown })?.response === undefined
  );
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Whether an Octokit error was caused by our per-request timeout signal. */
function isTimeout(error: unknown): boolean {
  const cause = (error as { cause?: { name?: unknown } })?.cause;
  const name = (error as { name?: unknown })?.name;
  return cause?.name === 'TimeoutError' || name === 'TimeoutError';
}

/**
 * The `fetch` every request goes through: `signal: AbortSignal.timeout(timeoutMs)` (Octokit
 * ignores a `timeout` option) and `redirect: 'manual'`, so a 3xx comes back as a response
 * instead of being followed (with the token) to wherever `Location` points.
 */
export function boundedFetch(
  timeoutMs: number,
  getToken?: () => Promise<string | undefined>,
): typeof fetch {
  return async (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, timeout])
      : timeout;
    const headers = new Headers(init?.headers);
    if (getToken && !headers.has('authorization')) {
      const token = await abortable(getToken(), signal);
      if (token) headers.set('authorization', `token ${token}`);
    }
    return fetch(url, { ...init, headers, signal, redirect: 'manual' });
  };
}

/** Waits for `p`, or rejects with the signal's reason when it aborts first. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() =>
      signal.removeEventListener('abort', onAbort),
    );
  });
}

/**
 * Creates an Octokit whose every request (one `fetch` and one hook, so no call can forget
 * them) is bounded:
 * - a per-attempt timeout ({@link boundedFetch}); a timeout becomes a
 *   `ServiceUnavailableError` naming the request;
 * - no redirects: a 3xx answer is an error, never followed with credentials;
 * - retries with jittered backoff only for idempotent reads (GET/HEAD) after a timeout, a
 *   network error or a 500/502/503/504; writes are attempted exactly once.
 */
export function createBoundedOctokit(
  options: OctokitOptions,
  bounds: RequestBounds,
): Octokit {
  const octokit = new Octokit({
    ...options,
    request: {
      ...options.request,
      fetch: boundedFetch(bounds.timeoutMs, bounds.getToken),
    },
  });
  const attempts = Math.max(1, bounds.readAttempts ?? 3);
  const backoff = bounds.backoffMs ?? 100;
  octokit.hook.wrap('request', async (request, endpoint) => {
    const method = String(endpoint.method ?? 'GET').toUpperCase();
    const idempotent = method === 'GET' || method === 'HEAD';
    const url = octokit.request.endpoint.parse(endpoint).url;
    const what = `${method} ${url.replace(String(endpoint.baseUrl), '')}`;
    for (let attempt = 1; ; attempt++) {
      let retryable: boolean;
      let failure: unknown;
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
        if (isTimeout(e)) {
          failure = new ServiceUnavailableError(
            `GitHub did not answer ${what} within ${bounds.timeoutMs} ms`,
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
    }
  });
  return octokit;
}
