import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DeliveryClient } from './client';

describe('DeliveryClient', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { method?: string; url?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', c => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, body });
        if (req.url?.includes('missing')) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              error: { name: 'NotFoundError', message: 'no such entity' },
              request: { method: req.method, url: req.url },
              response: { statusCode: 404 },
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: [], url: 'pr', created: true }));
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/delivery`;
  });
  afterAll(() => new Promise(r => server.close(r)));

  const client = () =>
    new DeliveryClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: (...args) => fetch(...args) },
    });

  it('encodes every path part', async () => {
    await client().getView({
      namespace: 'default',
      kind: 'Component',
      name: 'a/b?c',
    });
    expect(seen.at(-1)?.url).toBe(
      '/api/delivery/entities/default/Component/a%2Fb%3Fc',
    );
  });

  it('posts a promotion as JSON', async () => {
    const result = await client().promote(
      { namespace: 'default', kind: 'Component', name: 'xposer' },
      { environment: 'prod', version: 'v0.0.20' },
    );
    expect(result.created).toBe(true);
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/delivery/entities/default/Component/xposer/promotions',
      body: JSON.stringify({ environment: 'prod', version: 'v0.0.20' }),
    });
  });

  it('asks for a page of builds with its offset and limit', async () => {
    const entity = { namespace: 'default', kind: 'Component', name: 'xposer' };
    await client().getBuilds(entity, { offset: 50, limit: 50 });
    expect(seen.at(-1)?.url).toBe(
      '/api/delivery/entities/default/Component/xposer/builds?offset=50&limit=50',
    );
    await client().getBuilds(entity);
    expect(seen.at(-1)?.url).toBe(
      '/api/delivery/entities/default/Component/xposer/builds',
    );
  });

  it('throws a ResponseError with the backend message', async () => {
    await expect(
      client().getView({
        namespace: 'default',
        kind: 'Component',
        name: 'missing',
      }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 404 });
  });
});
