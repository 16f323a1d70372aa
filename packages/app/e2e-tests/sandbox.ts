/** The sandbox's control API (packages/sandbox/README.md). */
const control = process.env.SANDBOX_CONTROL_URL ?? 'http://127.0.0.1:7100';

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${control}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  }
  return res.headers.get('content-type')?.includes('json')
    ? res.json()
    : undefined;
}

export const sandbox = {
  reset: () => call('POST', '/reset'),
  injectFault: (fault: Record<string, unknown>) =>
    call('POST', '/faults', fault),
  clearFaults: () => call('DELETE', '/faults'),
};

/** The sandbox GitHub Enterprise API, as a user with the demo token would call it. */
export async function github(method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:7105/api/v3${path}`, {
    method,
    headers: {
      authorization: 'token sandbox-github-token',
      accept: 'application/vnd.github+json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}
