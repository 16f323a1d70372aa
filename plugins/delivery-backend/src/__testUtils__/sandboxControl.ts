import type { Sandbox } from '@gitops-delivery/sandbox';

/**
 * Calls the running sandbox's control API (`POST /reset`, `GET /requests`,
 * `POST /faults`, `POST /kubectl/set-image`, ...). Throws with the status
 * and the answer's text on a non-2xx answer; returns the JSON answer, or
 * undefined when there is none.
 */
export async function sandboxControl(
  sandbox: Pick<Sandbox, 'urls'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${sandbox.urls.control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`sandbox control ${method} ${path}: ${res.status} ${text}`);
  }
  return text ? JSON.parse(text) : undefined;
}
