import http from 'node:http';
import { auth, startTestSandbox } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';
import { RequestCounter } from './requestCounter';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());
afterEach(async () => {
  await fetch(`${sb.urls.control}/faults`, { method: 'DELETE' });
  await fetch(`${sb.urls.control}/requests`, { method: 'DELETE' });
});

const addFault = async (fault: Record<string, unknown>) => {
  const res = await fetch(`${sb.urls.control}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(res.status).toBe(201);
};

describe('fault injection', () => {
  it('serves the Jenkins login page with 200, once', async () => {
    await addFault({
      upstream: 'jenkins-code',
      pathPattern: '/api/json',
      kind: 'html-login',
      once: true,
    });
    const first = await fetch(`${sb.urls['jenkins-code']}/api/json`, {
      headers: auth.code,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect(await first.text()).toContain('Sign in [Jenkins]');
    const second = await fetch(`${sb.urls['jenkins-code']}/api/json`, {
      headers: auth.code,
    });
    expect(second.headers.get('content-type')).toContain('application/json');
  });

  it('injects error statuses only where the pattern matches, a given number of times', async () => {
    await addFault({
      upstream: 'nexus',
      pathPattern: 'continuationToken',
      kind: 'error',
      status: 500,
      times: 2,
    });
    const search = `${sb.urls.nexus}/service/rest/v1/search`;
    expect((await fetch(search, { headers: auth.nexus })).status).toBe(200);
    expect(
      (await fetch(`${search}?continuationToken=x`, { headers: auth.nexus }))
        .status,
    ).toBe(500);
    expect(
      (await fetch(`${search}?continuationToken=x`, { headers: auth.nexus }))
        .status,
    ).toBe(500);
    expect(
      (await fetch(`${search}?continuationToken=x`, { headers: auth.nexus }))
        .status,
    ).toBe(406);
  });

  it('truncates JSON and adds latency', async () => {
    await addFault({
      upstream: 'chartmuseum',
      pathPattern: '^/api/charts$',
      kind: 'truncated-json',
    });
    await addFault({
      upstream: 'chartmuseum',
      kind: 'latency',
      latencyMs: 150,
    });
    const start = Date.now();
    const res = await fetch(`${sb.urls.chartmuseum}/api/charts`, {
      headers: auth.charts,
    });
    const text = await res.text();
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"')).toBe(true);
  });

  it('streams an oversized body and hangs', async () => {
    await addFault({
      upstream: 'chartmuseum',
      pathPattern: 'index.yaml',
      kind: 'oversized',
      sizeBytes: 3_000_000,
    });
    const big = await fetch(`${sb.urls.chartmuseum}/index.yaml`, {
      headers: auth.charts,
    });
    expect((await big.arrayBuffer()).byteLength).toBeGreaterThan(3_000_000);
    await addFault({ upstream: 'kubernetes', kind: 'hang' });
    const hung = await new Promise<string>(resolve => {
      const req = http.get(
        `${sb.urls.kubernetes}/apis/apps/v1/namespaces/dev/deployments`,
        { headers: auth.k8s },
        () => resolve('answered'),
      );
      req.setTimeout(300, () => {
        req.destroy();
        resolve('timeout');
      });
      req.on('error', () => undefined);
    });
    expect(hung).toBe('timeout');
  });

  it('answers a canned response with headers (rate limit, repeated continuationToken)', async () => {
    await addFault({
      upstream: 'github',
      pathPattern: '^/api/v3/repos/',
      kind: 'error',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'retry-after': '2' },
      body: '{"message":"API rate limit exceeded"}',
    });
    const limited = await fetch(
      `${sb.urls.github}/api/v3/repos/stakater/xposer`,
      { headers: auth.github },
    );
    expect([
      limited.status,
      limited.headers.get('x-ratelimit-remaining'),
      limited.headers.get('retry-after'),
    ]).toEqual([403, '0', '2']);
    expect(await limited.json()).toEqual({
      message: 'API rate limit exceeded',
    });
    await addFault({
      upstream: 'nexus',
      pathPattern: 'continuationToken=',
      kind: 'respond',
      body: '{"items":[],"continuationToken":"0000000000000000000000000000abcd"}',
    });
    const page = await fetch(
      `${sb.urls.nexus}/service/rest/v1/search?continuationToken=0000000000000000000000000000abcd`,
      { headers: auth.nexus },
    );
    expect([page.status, await page.json()]).toEqual([
      200,
      { items: [], continuationToken: '0000000000000000000000000000abcd' },
    ]);
  });

  it('rejects unknown upstreams and bad bodies', async () => {
    const bad = await fetch(`${sb.urls.control}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upstream: 'jira', kind: 'hang' }),
    });
    expect(bad.status).toBe(400);
    const kind = await fetch(`${sb.urls.control}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upstream: 'nexus', kind: 'explode' }),
    });
    expect(kind.status).toBe(400);
  });
});

describe('request counting', () => {
  it('counts requests per upstream and route', async () => {
    await fetch(`${sb.urls['jenkins-code']}/api/json`, { headers: auth.code });
    await fetch(`${sb.urls['jenkins-code']}/api/json?tree=jobs[name]`, {
      headers: auth.code,
    });
    await fetch(`${sb.urls.github}/api/v3/repos/stakater/xposer`, {
      headers: auth.github,
    });
    const counts = (await (
      await fetch(`${sb.urls.control}/requests`)
    ).json()) as {
      total: number;
      upstreams: Record<
        string,
        { total: number; routes: Record<string, number> }
      >;
    };
    expect(counts.total).toBe(3);
    expect(counts.upstreams['jenkins-code'].routes).toEqual({
      'GET /api/json': 2,
    });
    expect(counts.upstreams.github.routes).toEqual({
      'GET /api/v3/repos/stakater/xposer': 1,
    });
    expect(sb.counter.count('jenkins-code', /api\/json/)).toBe(2);
  });

  it('logs when each request arrived and was answered since the last reset, with ?log=1 only', async () => {
    await addFault({
      upstream: 'github',
      kind: 'latency',
      latencyMs: 40,
    });
    await fetch(`${sb.urls.control}/requests`, { method: 'DELETE' });
    await fetch(`${sb.urls['jenkins-code']}/api/json?tree=jobs[name]`, {
      headers: auth.code,
    });
    await new Promise(r => setTimeout(r, 60));
    await fetch(`${sb.urls.github}/api/v3/repos/stakater/xposer`, {
      headers: auth.github,
    });
    const plain = (await (
      await fetch(`${sb.urls.control}/requests`)
    ).json()) as Record<string, unknown>;
    expect(Object.keys(plain).sort()).toEqual(['total', 'upstreams']);
    const logged = (await (
      await fetch(`${sb.urls.control}/requests?log=1`)
    ).json()) as {
      total: number;
      log: { at: number; upstream: string; route: string; ms?: number }[];
      logDropped: number;
    };
    expect(logged.total).toBe(2);
    expect(logged.logDropped).toBe(0);
    expect(logged.log.map(e => [e.upstream, e.route])).toEqual([
      ['jenkins-code', 'GET /api/json'],
      ['github', 'GET /api/v3/repos/stakater/xposer'],
    ]);
    expect(logged.log[0].at).toBeGreaterThanOrEqual(0);
    expect(logged.log[1].at - logged.log[0].at).toBeGreaterThanOrEqual(50);
    // answered: ms from arrival to the finished response, injected latency included
    expect(logged.log[0].ms).toBeGreaterThanOrEqual(0);
    expect(logged.log[1].ms).toBeGreaterThanOrEqual(39);

    await fetch(`${sb.urls.control}/requests`, { method: 'DELETE' });
    const cleared = (await (
      await fetch(`${sb.urls.control}/requests?log=1`)
    ).json()) as { log: unknown[] };
    expect(cleared.log).toEqual([]);
  });

  it('keeps the log bounded and says how many requests it dropped', () => {
    const counter = new RequestCounter();
    for (let i = 0; i <= RequestCounter.maxLog; i++)
      counter.record('nexus', 'get', `/r/${i}`);
    const full = counter.snapshotWithLog();
    expect(full.total).toBe(RequestCounter.maxLog + 1);
    expect(full.log).toHaveLength(RequestCounter.maxLog);
    expect(full.log[0]).toMatchObject({ upstream: 'nexus', route: 'GET /r/0' });
    expect(full.log[0].ms).toBeUndefined();
    expect(full.logDropped).toBe(1);
    counter.reset();
    expect(counter.snapshotWithLog()).toEqual({
      total: 0,
      upstreams: {},
      log: [],
      logDropped: 0,
    });
  });
});

describe('latency on every route of every upstream', () => {
  it('delays every request of every upstream with upstream "*" and no pathPattern', async () => {
    await addFault({ upstream: '*', kind: 'latency', latencyMs: 120 });
    const gets: [string, Record<string, string>][] = [
      [`${sb.urls['jenkins-code']}/api/json`, auth.code],
      [`${sb.urls['jenkins-deploy']}/api/json`, auth.deploy],
      [`${sb.urls.github}/api/v3/repos/stakater/xposer`, auth.github],
      [`${sb.urls.nexus}/service/rest/v1/search`, auth.nexus],
      [`${sb.urls.chartmuseum}/api/charts`, auth.charts],
      [`${sb.urls.kubernetes}/api/v1/namespaces`, auth.k8s],
    ];
    for (const [url, headers] of gets) {
      const start = Date.now();
      await (await fetch(url, { headers })).text();
      expect(Date.now() - start).toBeGreaterThanOrEqual(115);
    }
  });
});
