import http from 'http';
import type { AddressInfo } from 'net';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  randomPorts,
  sandboxCredentials,
  startSandbox,
  type Sandbox,
} from '@gitops-delivery/sandbox';
import { createCodeRepoCreateAction } from '../actions/codeRepoCreate';
import { actionContext, run } from '../__testUtils__/actionContext';

jest.setTimeout(30_000);

/**
 * Issue #11 "Bounds that do not bind": every GitHub call is bounded by a real timeout and
 * never follows a redirect. Runs the action against the whole sandbox over real HTTP and
 * injects faults through its control API.
 */
describe('GitHub calls of the delivery actions are bounded', () => {
  let sandbox: Sandbox;
  let action: ReturnType<typeof createCodeRepoCreateAction>;
  const timeoutMs = 400;

  beforeAll(async () => {
    sandbox = await startSandbox({ ports: randomPorts, deployDelayMs: 20 });
    const host = sandbox.urls.github.replace(/^https?:\/\//, '');
    const config = new ConfigReader({
      integrations: {
        github: [
          {
            host,
            apiBaseUrl: `${sandbox.urls.github}/api/v3`,
            token: sandboxCredentials.githubToken,
          },
        ],
      },
      delivery: {
        scaffolder: {
          allowedOwners: ['stakater'],
          dockerRegistry: '127.0.0.1:7103',
          chartRepositoryUrl: 'http://127.0.0.1:7104',
          githubTimeoutMs: timeoutMs,
        },
      },
    });
    action = createCodeRepoCreateAction({
      integrations: ScmIntegrations.fromConfig(config),
      config,
    });
  });
  afterAll(() => sandbox?.stop());

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.urls.control}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok).toBe(true);
    return res.status === 204 ? undefined : res.json();
  };
  beforeEach(async () => {
    await control('DELETE', '/faults');
    await control('DELETE', '/requests');
  });
  const githubRequests = async (route: RegExp) => {
    const counts = await control('GET', '/requests');
    const routes: Record<string, number> =
      counts.upstreams.github?.routes ?? {};
    return Object.entries(routes)
      .filter(([r]) => route.test(r))
      .reduce((n, [, c]) => n + c, 0);
  };
  const input = (repo: string) => ({
    repoUrl: `${sandbox.urls.github.replace(
      /^https?:\/\//,
      '',
    )}?owner=stakater&repo=${repo}`,
    owner: 'group:default/team-xposer',
    description: 'Bounded',
    language: 'go',
  });

  it('a GitHub read that never answers fails within the timeout (retried, bounded)', async () => {
    await control('POST', '/faults', {
      upstream: 'github',
      kind: 'hang',
      method: 'GET',
      pathPattern: '^/api/v3/repos/stakater/hang-read$',
    });
    const started = Date.now();
    await expect(
      run(action, actionContext(input('hang-read'))),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /did not answer GET \/repos\/stakater\/hang-read within 400 ms/,
      ),
    });
    expect(Date.now() - started).toBeLessThan(10 * timeoutMs);
    // idempotent reads are retried (3 attempts), nothing was created
    expect(
      await githubRequests(/^GET \/api\/v3\/repos\/stakater\/hang-read$/),
    ).toBe(3);
    expect(await githubRequests(/^POST /)).toBe(0);
  });

  it('a GitHub write that never answers fails within the timeout and is not retried', async () => {
    await control('POST', '/faults', {
      upstream: 'github',
      kind: 'hang',
      method: 'POST',
      pathPattern: '^/api/v3/orgs/stakater/repos$',
    });
    const started = Date.now();
    await expect(
      run(action, actionContext(input('hang-write'))),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
    expect(Date.now() - started).toBeLessThan(10 * timeoutMs);
    expect(
      await githubRequests(/^POST \/api\/v3\/orgs\/stakater\/repos$/),
    ).toBe(1);
  });

  it('a redirect is an error and is not followed (no request reaches its target)', async () => {
    const hits: Array<string | undefined> = [];
    const target = http.createServer((req, res) => {
      hits.push(req.headers.authorization);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Not Found"}');
    });
    await new Promise<void>(r => target.listen(0, '127.0.0.1', r));
    const { port } = target.address() as AddressInfo;
    try {
      await control('POST', '/faults', {
        upstream: 'github',
        kind: 'respond',
        status: 307,
        headers: {
          location: `http://127.0.0.1:${port}/api/v3/repos/stakater/redirected`,
        },
        pathPattern: '^/api/v3/repos/stakater/redirected$',
      });
      await expect(
        run(action, actionContext(input('redirected'))),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('redirect'),
      });
      expect(hits).toEqual([]);
      expect(await githubRequests(/^POST /)).toBe(0);
    } finally {
      await new Promise(r => target.close(r));
    }
  });
});
