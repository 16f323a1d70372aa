import { startServer, sendJson } from '../../__testUtils__/server';
import { createGitHubFetch } from './githubFetch';

// #11 hole 7: the whole exchange is bounded by an AbortSignal, including the
// credentials lookup (a GitHub App token is fetched by the integration's
// credentials provider, whose own requests we do not control).
describe('createGitHubFetch', () => {
  it('times out a request that never answers', async () => {
    const server = await startServer(() => {
      /* never answers */
    });
    try {
      const f = createGitHubFetch({
        timeoutMs: 200,
        maxBytes: 1000,
        what: 'GitHub',
      });
      const started = Date.now();
      await expect(f(`${server.url}/x`)).rejects.toMatchObject({
        kind: 'timeout',
      });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  });

  it('times out a credentials lookup that never completes, before any request', async () => {
    const server = await startServer((_req, res) => sendJson(res, {}));
    try {
      const f = createGitHubFetch({
        timeoutMs: 200,
        maxBytes: 1000,
        what: 'GitHub',
        getToken: () => new Promise<string>(() => {}),
      });
      const started = Date.now();
      await expect(f(`${server.url}/x`)).rejects.toMatchObject({
        kind: 'timeout',
      });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(server.seen).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("honours the caller's abort signal too", async () => {
    const server = await startServer(() => {});
    try {
      const f = createGitHubFetch({
        timeoutMs: 10_000,
        maxBytes: 1000,
        what: 'GitHub',
      });
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(), 100);
      const started = Date.now();
      await expect(
        f(`${server.url}/x`, { signal: ctl.signal }),
      ).rejects.toMatchObject({ name: 'UpstreamError' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  });
});
