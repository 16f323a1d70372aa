import http from 'node:http';
import { auth, startTestSandbox } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

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
});
