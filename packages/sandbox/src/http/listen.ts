import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestListener } from 'node:http';

/** A listening HTTP server. @public */
export interface ListeningServer {
  port: number;
  url: string;
  server: http.Server;
  /** Closes the server and destroys open (e.g. hanging) connections. */
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port). @public */
export async function listen(
  app: RequestListener,
  port: number,
  host = '127.0.0.1',
): Promise<ListeningServer> {
  const server = http.createServer(app);
  const sockets = new Set<Socket>();
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://${host}:${actual}`,
    server,
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
