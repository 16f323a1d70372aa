import { DEFAULT_MAX_RESPONSE_BYTES, readCapped } from './readCapped';
import { kindForStatus, toUpstreamError, UpstreamError } from './UpstreamError';
import { RetryOptions, withRetries } from './retry';

/** Options for {@link getJson}. */
export interface GetJsonOptions {
  /** Names the call in error messages, e.g. `Nexus default search`. */
  what: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  maxBytes?: number;
  retry?: RetryOptions;
}

/** A JSON response. */
export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return n;
  const date = Date.parse(value);
  return Number.isFinite(date)
    ? Math.max(0, (date - Date.now()) / 1000)
    : undefined;
}

/**
 * Checks a response and parses its JSON body within the size cap. Redirects
 * are never followed (credentials must not travel to another location).
 */
export async function parseJsonResponse(
  res: Response,
  what: string,
  maxBytes: number = DEFAULT_MAX_RESPONSE_BYTES,
): Promise<unknown> {
  if (res.status < 200 || res.status >= 300) {
    await res.body?.cancel().catch(() => undefined);
    const location = res.headers.get('location');
    const detail =
      res.status >= 300 && res.status < 400
        ? `redirected${
            location ? ' (to a login page?)' : ''
          }; redirects are not followed`
        : `HTTP ${res.status}`;
    throw new UpstreamError(kindForStatus(res.status), `${what}: ${detail}`, {
      upstreamStatus: res.status,
      retryAfterSeconds: retryAfterSeconds(res.headers),
    });
  }
  const text = await readCapped(res, maxBytes, what);
  const type = res.headers.get('content-type') ?? '';
  if (/text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(text)) {
    throw new UpstreamError(
      'unauthorized',
      `${what}: got an HTML page instead of JSON (a login page? check the credentials)`,
      { upstreamStatus: res.status },
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UpstreamError(
      'bad-response',
      `${what}: invalid JSON (truncated or not JSON)`,
      { upstreamStatus: res.status, cause: e },
    );
  }
}

/**
 * GET a JSON document with a timeout (covering the body too), bounded retries
 * with jitter, a streamed size cap and error classification.
 */
export async function getJson(
  url: URL,
  options: GetJsonOptions,
): Promise<JsonResponse> {
  return withRetries(async () => {
    try {
      const res = await fetch(url, {
        method: 'GET',
        headers: { accept: 'application/json', ...options.headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await parseJsonResponse(res, options.what, options.maxBytes);
      return { status: res.status, headers: res.headers, body };
    } catch (e) {
      throw toUpstreamError(e, options.what);
    }
  }, options.retry);
}

/** `Basic` authorization header value, when both parts are set. */
export function basicAuth(
  username?: string,
  password?: string,
): Record<string, string> {
  if (!username || password === undefined) return {};
  const token = Buffer.from(`${username}:${password}`).toString('base64');
  return { authorization: `Basic ${token}` };
}
