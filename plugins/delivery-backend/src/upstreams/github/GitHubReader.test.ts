import { sendJson, startServer } from '../../__testUtils__/server';
import { EtagStore, GitHubReader } from './GitHubReader';

function memoryEtags(): EtagStore & {
  map: Map<string, { etag: string; data: unknown }>;
} {
  const map = new Map<string, { etag: string; data: unknown }>();
  return {
    map,
    get: async k => map.get(k),
    set: async (k, v) => void map.set(k, v),
  };
}

describe('GitHubReader', () => {
  it('reads a file and revalidates it with If-None-Match', async () => {
    const content = Buffer.from(
      'dependencies:\n- name: xposer\n  version: 0.0.1\n',
    ).toString('base64');
    const server = await startServer((req, res) => {
      if (req.headers['if-none-match'] === '"e1"') {
        res.writeHead(304, { etag: '"e1"' });
        res.end();
        return;
      }
      res.setHeader('etag', '"e1"');
      sendJson(res, {
        type: 'file',
        sha: 'blob1',
        encoding: 'base64',
        content,
      });
    });
    try {
      const etags = memoryEtags();
      const reader = GitHubReader.create({
        apiBaseUrl: `${server.url}/api/v3`,
        token: 'tok',
        timeoutMs: 2000,
        etags,
      });
      const a = await reader.getFile(
        'gitops',
        'config-dev',
        'requirements.yaml',
        'main',
      );
      const b = await reader.getFile(
        'gitops',
        'config-dev',
        'requirements.yaml',
        'main',
      );
      expect(a).toEqual(b);
      expect(a.content).toContain('version: 0.0.1');
      expect(server.seen.map(s => s.headers['if-none-match'])).toEqual([
        undefined,
        '"e1"',
      ]);
      expect(server.seen[0].url).toBe(
        '/api/v3/repos/gitops/config-dev/contents/requirements.yaml?ref=main',
      );
      expect(server.seen[0].headers.authorization).toBe('token tok');
    } finally {
      await server.close();
    }
  });

  it('obeys an exhausted rate limit without retrying', async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('x-ratelimit-remaining', '0');
      res.setHeader(
        'x-ratelimit-reset',
        String(Math.floor(Date.now() / 1000) + 60),
      );
      sendJson(res, { message: 'API rate limit exceeded' }, 403);
    });
    try {
      const reader = GitHubReader.create({
        apiBaseUrl: server.url,
        timeoutMs: 2000,
      });
      await expect(
        reader.getBranchHead('o', 'r', 'main'),
      ).rejects.toMatchObject({ kind: 'unavailable' });
      await expect(reader.listOpenPulls('o', 'r')).rejects.toMatchObject({
        kind: 'unavailable',
      });
      expect(server.seen).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it.each([
    [404, 'not-found'],
    [401, 'unauthorized'],
    [502, 'unavailable'],
  ])('classifies HTTP %s as %s', async (status, kind) => {
    const server = await startServer((_req, res) =>
      sendJson(res, { message: 'x' }, status),
    );
    try {
      const reader = GitHubReader.create({
        apiBaseUrl: server.url,
        timeoutMs: 2000,
      });
      await expect(reader.listOpenPulls('o', 'r')).rejects.toMatchObject({
        kind,
      });
    } finally {
      await server.close();
    }
  });

  it('classifies HTML, truncated JSON, redirects and timeouts', async () => {
    const server = await startServer((req, res) => {
      if (req.url?.includes('/html/')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><title>Sign in</title>');
      } else if (req.url?.includes('/trunc/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('[{"number":');
      } else if (req.url?.includes('/redir/')) {
        res.writeHead(302, { location: 'http://evil.example/' });
        res.end();
      }
    });
    try {
      const reader = GitHubReader.create({
        apiBaseUrl: server.url,
        timeoutMs: 300,
      });
      await expect(reader.listOpenPulls('html', 'r')).rejects.toMatchObject({
        kind: 'unauthorized',
      });
      await expect(reader.listOpenPulls('trunc', 'r')).rejects.toMatchObject({
        kind: 'bad-response',
      });
      await expect(reader.listOpenPulls('redir', 'r')).rejects.toMatchObject({
        kind: 'unauthorized',
      });
      await expect(reader.listOpenPulls('slow', 'r')).rejects.toMatchObject({
        kind: 'timeout',
      });
    } finally {
      await server.close();
    }
  });
});

describe('GitHubReader without a static token', () => {
  it('asks getToken per request (GitHub App credentials)', async () => {
    const server = await startServer((_req, res) => sendJson(res, []));
    try {
      let n = 0;
      const reader = GitHubReader.create({
        apiBaseUrl: server.url,
        timeoutMs: 2000,
        getToken: async () => `app-token-${++n}`,
      });
      await reader.listOpenPulls('o', 'r');
      await reader.listOpenPulls('o', 'r');
      expect(server.seen.map(s => s.headers.authorization)).toEqual([
        'token app-token-1',
        'token app-token-2',
      ]);
    } finally {
      await server.close();
    }
  });
});
