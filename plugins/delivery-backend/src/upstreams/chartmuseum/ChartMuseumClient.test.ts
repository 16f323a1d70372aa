import { fixture, sendJson, startServer } from '../../__testUtils__/server';
import { ChartMuseumClient } from './ChartMuseumClient';

const charts = JSON.parse(fixture('chartmuseum/api_charts_frontend_v2.json'));

describe('ChartMuseumClient', () => {
  it('lists the versions of one chart, encoding the name', async () => {
    const server = await startServer((req, res) =>
      req.url === '/api/charts/frontend'
        ? sendJson(res, charts.frontend)
        : sendJson(res, { error: 'chart not found' }, 404),
    );
    try {
      const client = ChartMuseumClient.create({
        name: 'default',
        baseUrl: server.url,
        timeoutMs: 2000,
      });
      const versions = await client.listChartVersions('frontend');
      expect(versions).toEqual([
        {
          name: 'frontend',
          version: '0.1.0',
          appVersion: '1.16.0',
          createdAt: '2021-08-01T16:57:36.577Z',
          digest:
            '844d3afde2d58b3534e1b85d9ab26059d33a69ad65c44a415dda41d6b5479eda',
          url: `${server.url}/charts/frontend-0.1.0.tgz`,
        },
      ]);
      await expect(client.listChartVersions('../x?y')).rejects.toMatchObject({
        kind: 'not-found',
      });
      expect(server.seen[1].url).toBe('/api/charts/..%2Fx%3Fy');
    } finally {
      await server.close();
    }
  });

  it('aborts an oversized body', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      for (let i = 0; i < 2000; i++)
        res.write(`{"name":"a","version":"${i}"},`);
      res.end('{"name":"a","version":"x"}]');
    });
    try {
      const client = ChartMuseumClient.create(
        { name: 'default', baseUrl: server.url, timeoutMs: 2000 },
        { maxBytes: 4096 },
      );
      await expect(client.listChartVersions('a')).rejects.toMatchObject({
        kind: 'bad-response',
        message: expect.stringMatching(/cap/),
      });
    } finally {
      await server.close();
    }
  });
});
