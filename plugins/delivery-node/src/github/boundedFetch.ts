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
 * The `fetch` every config-repo request goes through unless the caller brings
 * its own: `signal: AbortSignal.timeout(timeoutMs)` over the credentials
 * lookup and the request (Octokit ignores a `timeout` option), together with
 * the caller's signal, and `redirect: 'manual'`, so a 3xx comes back as a
 * response instead of being followed (with the token) to wherever `Location`
 * points. `getToken` supplies the token per request (GitHub App installation
 * tokens rotate).
 * @public
 */
export function createBoundedFetch(options: {
  timeoutMs: number;
  getToken?: () => Promise<string | undefined>;
}): typeof fetch {
  const { timeoutMs, getToken } = options;
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
