import { createBoundedFetch } from '@gitops-delivery/backstage-plugin-delivery-node';
import { readCapped, toUpstreamError, UpstreamError } from '../http';

/**
 * A `fetch` for Octokit on top of delivery-node's `createBoundedFetch`
 * (never follows redirects, a timeout over the whole exchange: the
 * credentials lookup, the request and the body, with the caller's signal)
 * that classifies failures as `UpstreamError`s, refuses a redirect, caps the
 * body size while streaming and refuses non-JSON success bodies. Errors thrown here reach us as `RequestError.cause`.
 */
export function createGitHubFetch(options: {
  timeoutMs: number;
  maxBytes: number;
  what: string;
  /** Supplies a token per request (GitHub App installations rotate them). */
  getToken?: () => Promise<string | undefined>;
}): typeof fetch {
  const { maxBytes, what } = options;
  // delivery-node's: the timeout over the credentials lookup, the request and
  // the body (the signal stays on the response stream), no redirects followed
  const boundedFetch = createBoundedFetch(options);
  return async (input, init) => {
    let res: Response;
    try {
      res = await boundedFetch(input, init);
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
