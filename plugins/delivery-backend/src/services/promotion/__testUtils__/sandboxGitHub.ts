import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createGitHubApp,
  GitHubAppOptions,
  GitHubRepoSeed,
  GitHubStore,
} from '@gitops-delivery/sandbox';

export const TOKEN = 'sandbox-github-token';

/** A fault answered instead of the sandbox for matching requests. */
export interface Fault {
  method: string;
  path: RegExp;
  /** How many matching requests to answer (default: all). */
  times?: number;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The sandbox GitHub on 127.0.0.1:<random>, with a request log and fault injection. */
export interface SandboxGitHub {
  baseUrl: string;
  apiBaseUrl: string;
  store: GitHubStore;
  requests: string[];
  faults: Fault[];
  reset(seeds: GitHubRepoSeed[]): Promise<void>;
  close(): Promise<void>;
}

export async function startSandboxGitHub(
  seeds: GitHubRepoSeed[],
  extra: Partial<GitHubAppOptions> = {},
): Promise<SandboxGitHub> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const requests: string[] = [];
  const faults: Fault[] = [];
  const server = http.createServer((req, res) => {
    const scheme = String(req.headers.authorization ?? '')
      .split(' ')[0]
      .toLowerCase();
    const line = `${req.method} ${decodeURIComponent(req.url ?? '')}${
      scheme === 'bearer' ? ' (app jwt)' : ''
    }`;
    requests.push(line);
    const path = decodeURIComponent((req.url ?? '').split('?')[0]);
    const fault = faults.find(
      f => f.method === req.method && f.path.test(path) && (f.times ?? 1) > 0,
    );
    if (fault) {
      if (fault.times !== undefined) fault.times--;
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...fault.headers,
      });
      res.end(
        JSON.stringify(fault.body ?? { message: `injected ${fault.status}` }),
      );
      return;
    }
    handler(req, res);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const { app, store } = await createGitHubApp({
    seeds,
    token: TOKEN,
    baseUrl,
    ...extra,
  });
  handler = app;
  return {
    baseUrl,
    apiBaseUrl: `${baseUrl}/api/v3`,
    store,
    requests,
    faults,
    async reset(next) {
      requests.length = 0;
      faults.length = 0;
      await store.reset(next);
    },
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

/** Requests that write to GitHub (anything but GET/HEAD). */
export function writes(requests: string[]): string[] {
  return requests.filter(r => !/^(GET|HEAD) /.test(r));
}
