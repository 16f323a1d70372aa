import { UpstreamError } from './UpstreamError';

/** Options for {@link withRetries}. */
export interface RetryOptions {
  /** Extra attempts after the first (default 2). */
  retries?: number;
  /** Base backoff in ms (default 150); doubled per attempt, full jitter. */
  baseDelayMs?: number;
  /** Longest wait a `retry-after` may ask for before we give up (default 2 s). */
  maxRetryAfterMs?: number;
}

/** True for failures worth retrying: transient unavailability, not timeouts. */
export function isRetryable(e: unknown): boolean {
  if (!(e instanceof UpstreamError)) return false;
  if (e.kind !== 'unavailable') return false;
  // Rate limited with no hint or a long wait: do not hammer the upstream.
  if (e.upstreamStatus === 429 || e.upstreamStatus === 403) return false;
  return true;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Runs an idempotent GET with bounded retries and full-jitter backoff. Only
 * ever wrap reads: writes must not be retried blindly.
 */
export async function withRetries<T>(
  fn: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 2;
  const base = options.baseDelayMs ?? 150;
  const maxRetryAfter = options.maxRetryAfterMs ?? 2000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= retries || !isRetryable(e)) throw e;
      const retryAfterMs = ((e as UpstreamError).retryAfterSeconds ?? 0) * 1000;
      if (retryAfterMs > maxRetryAfter) throw e;
      const backoff = Math.random() * base * 2 ** attempt;
      await sleep(Math.max(retryAfterMs, backoff));
    }
  }
}
