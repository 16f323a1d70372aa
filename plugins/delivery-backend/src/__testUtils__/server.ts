import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@gitops-delivery/sandbox/testUtils';

/** A recorded request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A throwaway HTTP server on 127.0.0.1 for client tests. */
export async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ url: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? 'GET',
      url: req.url ?? '',
      headers: req.headers,
    });
    handler(req, res);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Sends JSON. */
export function sendJson(
  res: http.ServerResponse,
  body: unknown,
  status = 200,
) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

/** Reads a file of the repository (relative to its root). */
export function repoFile(relative: string): string {
  return fs.readFileSync(path.join(repoRoot(), relative), 'utf8');
}

/** Reads a file of /work/shared/fixtures/upstreams (resolved from the repo root). */
export { readFixture as fixture } from '@gitops-delivery/sandbox/testUtils';
