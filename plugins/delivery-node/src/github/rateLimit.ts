import { headersOf, statusOf } from './octokitErrors';

/**
 * Milliseconds to wait when `error` is a GitHub rate-limit answer (403/429
 * with `retry-after` or `x-ratelimit-remaining: 0`, or any 429), else
 * undefined.
 * @public
 */
export function rateLimitWaitMs(error: unknown): number | undefined {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return undefined;
  const headers = headersOf(error);
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
  return status === 429 ? 1000 : undefined;
}
