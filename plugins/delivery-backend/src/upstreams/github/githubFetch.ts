import { readCapped, toUpstreamError, UpstreamError } from '../http';

/** Waits for `p`, or rejects when `signal` aborts first. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      v => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      e => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * A `fetch` for Octokit that never follows redirects, applies a timeout
 * (an AbortSignal: Octokit ignores its own `timeout` option) to the whole
 * exchange (the credentials lookup, the request and the body) together with
 * the caller's signal, caps the body size while streaming and refuses
 * non-JSON success bodies. Errors thrown here reach us as `RequestError.cause`.
 */
export function createGitHubFetch(options: {
  timeoutMs: number;
  maxBytes: number;
  what: string;
  /** Supplies a token per request (GitHub App installations rotate them). */
  getToken?: () => Promise<string | undefined>;
}): typeof fetch {
  const { timeoutMs, maxBytes, what, getToken } = options;
  return async (input, init) => {
    let res: Response;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, timeout])
      : timeout;
    try {
      const headers = new Headers(init?.headers);
      if (getToken && !headers.has('authorization')) {
        const token = await abortable(getToken(), signal);
        if (token) headers.set('authorization', `token ${token}`);
      }
      res = await fetch(input, {
        ...init,
        headers,
        redirect: 'manual',
        signal,
      });
    } catch (e) {
      throw toUpstreamError(e, what);
    }
    if (res.status === 304 || res.status === 204 || res.status === 205)
      return res;
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      throw new UpstreamError(
        'unauthorized',
        `${what}: redirected (HTTP ${res.status}); redirects are not followed`,
        { upstreamStatus: res.status },
      );
    }
    let text: string;
    try {
      text = await readCapped(res, maxBytes, what);
    } catch (e) {
      throw toUpstreamError(e, what);
    }
    if (res.status >= 200 && res.status < 300) {
      const type = res.headers.get('content-type') ?? '';
      if (/text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(text)) {
        throw new UpstreamError(
          'unauthorized',
          `${what}: got an HTML page instead of JSON (a login page? check the token)`,
          { upstreamStatus: res.status },
        );
      }
      try {
        JSON.parse(text);
      } catch (e) {
        throw new UpstreamError(
          'bad-response',
          `${what}: invalid JSON (truncated or not JSON)`,
          {
            upstreamStatus: res.status,
            cause: e,
          },
        );
      }
    }
    return new Response(text, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}
