import { kindForStatus, toUpstreamError, UpstreamError } from '../http';

/** What an Octokit call throws, as far as we read it. */
export interface OctokitErrorLike {
  status?: number;
  cause?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** When `x-ratelimit-remaining` is 0: the reset (ms since the epoch). */
export function rateLimitResetOf(
  headers: Record<string, unknown> | undefined,
): number | undefined {
  if (
    headers?.['x-ratelimit-remaining'] === '0' ||
    headers?.['x-ratelimit-remaining'] === 0
  ) {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? reset * 1000 : Date.now() + 60_000;
  }
  return undefined;
}

/**
 * Classifies what an Octokit call (REST or GraphQL) threw, and says until
 * when the rate limit asks us to stop: `rateLimitResetMs` (remaining 0) and
 * `retryAfterUntilMs` (a rate-limit answer with `retry-after`).
 */
export function classifyOctokitError(
  e: unknown,
  what: string,
): {
  error: UpstreamError;
  rateLimitResetMs?: number;
  retryAfterUntilMs?: number;
} {
  const err = e as OctokitErrorLike;
  const inner = err.cause instanceof UpstreamError ? err.cause : e;
  if (inner instanceof UpstreamError) {
    // Errors raised in our fetch name only "GitHub"; name the call instead.
    return {
      error: new UpstreamError(
        inner.kind,
        inner.message.replace(/^GitHub: /, `${what}: `),
        {
          upstreamStatus: inner.upstreamStatus,
        },
      ),
    };
  }
  const status = err.status;
  const headers = err.response?.headers;
  if (typeof status === 'number' && status !== 500 && err.response) {
    const rateLimitResetMs = rateLimitResetOf(headers);
    const retryAfter = Number(headers?.['retry-after']);
    const limited =
      status === 429 ||
      (status === 403 &&
        (headers?.['x-ratelimit-remaining'] === '0' ||
          Number.isFinite(retryAfter)));
    return {
      error: new UpstreamError(
        limited ? 'unavailable' : kindForStatus(status),
        `${what}: ${limited ? 'rate limited' : `HTTP ${status}`}`,
        {
          upstreamStatus: limited ? 429 : status,
          retryAfterSeconds: Number.isFinite(retryAfter)
            ? retryAfter
            : undefined,
        },
      ),
      rateLimitResetMs,
      retryAfterUntilMs:
        limited && Number.isFinite(retryAfter)
          ? Date.now() + retryAfter * 1000
          : undefined,
    };
  }
  if (status === 500 && err.response) {
    return {
      error: new UpstreamError('unavailable', `${what}: HTTP 500`, {
        upstreamStatus: status,
      }),
    };
  }
  return { error: toUpstreamError(err.cause ?? e, what) };
}
