/** A JSON response: the status and the parsed body. */
export interface JsonResponse<T> {
  status: number;
  body: T;
}

/** Sends a request and parses the JSON body (an empty body is `undefined`). */
export async function requestJson<T>(
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
  } = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
      ...init.headers,
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `${init.method ?? 'GET'} ${url}: ${
          res.status
        } with a body that is not JSON: ${text.slice(0, 200)}`,
      );
    }
  }
  return { status: res.status, body: body as T };
}

/** Like {@link requestJson}, but a status outside 2xx is an error with the body. */
export async function okJson<T>(
  url: string,
  init: Parameters<typeof requestJson>[1] = {},
): Promise<T> {
  const res = await requestJson<T>(url, init);
  if (res.status < 200 || res.status > 299) {
    throw new Error(
      `${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(
        res.body,
      ).slice(0, 300)}`,
    );
  }
  return res.body;
}

/** Retries `fn` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function poll<T>(
  what: string,
  timeoutMs: number,
  fn: () => Promise<T | undefined>,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not after ${timeoutMs} ms${
          last ? ` (last error: ${last})` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, intervalMs));
  }
}
