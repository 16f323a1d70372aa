import { CustomErrorBase } from '@backstage/errors';
import type { SourceErrorKind } from '@gitops-delivery/backstage-plugin-delivery-common';
import { redactSecrets, secretRedactor } from '../../redaction/registry';

/**
 * A failed call to an upstream system, classified for the view's `sources`.
 *
 * Classification (documented in the README):
 * - `not-configured`: unknown instance/environment, missing annotation
 * - `not-found`: HTTP 404
 * - `unauthorized`: HTTP 401/403, a redirect (to a login page), or an HTML
 *   page where JSON was expected (a login page served with 200)
 * - `timeout`: no complete answer within the instance's timeout
 * - `unavailable`: HTTP 5xx/429, connection refused/reset, rate limit
 * - `bad-response`: invalid or truncated JSON, wrong shape, over the size cap,
 *   other unexpected statuses
 */
export class UpstreamError extends CustomErrorBase {
  name = 'UpstreamError' as const;
  readonly kind: SourceErrorKind;
  /**
   * The upstream's HTTP status, when there was one. Not `status`: Backstage's
   * error middleware would send a `status` field as our response status.
   */
  readonly upstreamStatus?: number;
  /** Seconds the upstream asked us to wait (rate limits). */
  readonly retryAfterSeconds?: number;

  constructor(
    kind: SourceErrorKind,
    message: string,
    options?: {
      upstreamStatus?: number;
      retryAfterSeconds?: number;
      cause?: unknown;
    },
  ) {
    // the choke point: every upstream failure is classified here, so no
    // configured secret (e.g. quoted by undici's header validation) survives
    super(redactSecrets(message), secretRedactor().redactError(options?.cause));
    this.kind = kind;
    this.upstreamStatus = options?.upstreamStatus;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** Classifies an HTTP status that is not a success. */
export function kindForStatus(status: number): SourceErrorKind {
  if (status === 404 || status === 410) return 'not-found';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 300 && status < 400) return 'unauthorized';
  if (status === 429 || status >= 500) return 'unavailable';
  return 'bad-response';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Turns whatever a request threw into an UpstreamError. `what` names the
 * call for the message (never a URL with credentials).
 */
export function toUpstreamError(e: unknown, what: string): UpstreamError {
  if (e instanceof UpstreamError) return e;
  const err = e as Error | undefined;
  const name = err?.name;
  if (name === 'TimeoutError' || (err as { isTimeout?: boolean })?.isTimeout) {
    return new UpstreamError('timeout', `${what}: timed out`);
  }
  if (name === 'AbortError') {
    return new UpstreamError('timeout', `${what}: aborted (timeout)`);
  }
  const code = errorCode(e);
  if (code && NETWORK_CODES.has(code)) {
    return new UpstreamError('unavailable', `${what}: ${code}`);
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new UpstreamError('timeout', `${what}: ${code}`);
  }
  if (err?.message === 'terminated' || code === 'UND_ERR_ABORTED') {
    return new UpstreamError('bad-response', `${what}: response truncated`, {
      cause: e,
    });
  }
  if (err instanceof SyntaxError) {
    return new UpstreamError('bad-response', `${what}: invalid JSON`, {
      cause: e,
    });
  }
  return new UpstreamError(
    'unavailable',
    `${what}: ${err?.message ?? String(e)}`,
    { cause: e },
  );
}
