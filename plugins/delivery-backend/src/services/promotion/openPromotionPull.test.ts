import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import type { Knex } from 'knex';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { createHarness, guest } from './__testUtils__/harness';
import {
  injectGitHubFault,
  TestGitHub,
  startTestGitHub,
  writes,
} from '@gitops-delivery/sandbox/testUtils';
import { DEV_REQUIREMENTS, entity, seeds } from './__testUtils__/world';
import { promotionMarker } from './pullRequestText';

jest.setTimeout(60_000);

// Trust boundary (#11): which pull requests promotion adopts, how versions
// name branches, and which GitHub calls are ever retried. Every test runs the
// promotion service against the sandbox GitHub over real HTTP.

const databases = createTestDatabases();
let gh: TestGitHub;
let knex: Knex;
let octokit: Octokit;

beforeAll(async () => {
  gh = await startTestGitHub(seeds());
  knex = await databases.init('SQLITE_3');
  octokit = gh.octokit;
});
afterAll(async () => {
  await gh.close();
});
beforeEach(async () => {
  await gh.reset(seeds());
});

async function openPulls(repo: string) {
  return (
    await octokit.rest.pulls.list({ owner: 'gitops', repo, state: 'open' })
  ).data;
}

/** Seeds config-dev with one more branch (one commit) and a PR from it. */
async function seedForeignPull(opts: {
  branch: string;
  user: string;
  body: string;
  message?: string;
}) {
  await gh.reset(
    seeds().map(s =>
      s.name === 'config-dev'
        ? {
            ...s,
            branches: [
              {
                name: opts.branch,
                commits: [
                  {
                    message: opts.message ?? 'their change',
                    date: '2026-01-02T00:00:00Z',
                    files: { 'other.txt': 'x\n' },
                  },
                ],
              },
            ],
            pulls: [
              {
                head: opts.branch,
                base: 'main',
                title: 'look-alike',
                body: opts.body,
                user: opts.user,
              },
            ],
          }
        : s,
    ),
  );
}

describe('adopting only our own pull requests (#11 hole 3)', () => {
  it('does not adopt a PR from a fork, even with our branch name, marker and author', async () => {
    const { service } = await createHarness(gh, knex);
    const marker = promotionMarker('dev', 'xposer', 'v0.0.20');
    const forkPull = {
      number: 4242,
      html_url: 'http://evil.example/mallory/config-dev/pull/4242',
      state: 'open',
      body: marker,
      user: { login: 'delivery-bot', type: 'User' },
      head: {
        ref: 'delivery/dev/xposer-0.0.20',
        label: 'mallory:delivery/dev/xposer-0.0.20',
        repo: { full_name: 'mallory/config-dev', fork: true },
      },
      base: { ref: 'main', repo: { full_name: 'gitops/config-dev' } },
    };
    injectGitHubFault(gh, {
      kind: 'respond',
      method: 'GET',
      pathPattern: '/repos/gitops/config-dev/pulls(\\?|$)',
      times: 1,
      body: JSON.stringify([forkPull]),
    });
    const r = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(r.created).toBe(true);
    expect(r.number).not.toBe(4242);
    expect(r.url).not.toContain('evil.example');
    expect(gh.faults.list()).toEqual([]); // the fork's PR was listed
  });

  it('does not adopt a PR on our branch opened by another user', async () => {
    const branch = 'delivery/dev/xposer-0.0.20';
    const marker = promotionMarker('dev', 'xposer', 'v0.0.20');
    await seedForeignPull({
      branch,
      user: 'mallory',
      body: marker,
      message: `copied\n\n${marker}\n`,
    });
    const { service } = await createHarness(gh, knex);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(/was not opened by Delivery/);
    expect(await openPulls('config-dev')).toHaveLength(1);
  });

  it('neither adopts nor is blocked by a PR that only carries our marker', async () => {
    await seedForeignPull({
      branch: 'feature/look-alike',
      user: 'mallory',
      body: promotionMarker('dev', 'xposer', 'v0.0.18'),
    });
    const { service } = await createHarness(gh, knex);
    const r = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(r).toMatchObject({
      created: true,
      branch: 'delivery/dev/xposer-0.0.20',
    });
    expect(await openPulls('config-dev')).toHaveLength(2);
  });

  it('still adopts our own PR and still blocks on our own PR for another version', async () => {
    const { service } = await createHarness(gh, knex);
    const first = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).resolves.toMatchObject({ created: false, number: first.number });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.18',
      }),
    ).rejects.toThrow(/already promotes xposer to v0\.0\.20 in dev/);
  });
});

describe('versions (#11 hole 9)', () => {
  it('gives 0.0.30 and v0.0.30 one branch: the second request returns the existing PR', async () => {
    const { service } = await createHarness(gh, knex);
    const first = await service.promote({
      entity,
      credentials: guest,
      environment: 'loose',
      version: 'v0.0.30',
    });
    expect(first).toMatchObject({
      created: true,
      branch: 'delivery/loose/xposer-0.0.30',
    });
    gh.requests.length = 0;
    const second = await service.promote({
      entity,
      credentials: guest,
      environment: 'loose',
      version: '0.0.30',
    });
    expect(second).toMatchObject({
      created: false,
      number: first.number,
      branch: first.branch,
    });
    expect(writes(gh.requests)).toEqual([]);
  });

  it("writes the pin in the chart's own spelling (chart v0.0.20 -> pin v0.0.20)", async () => {
    const { service } = await createHarness(gh, knex);
    const r = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: '0.0.20',
    });
    expect(r.version).toBe('v0.0.20');
    const req = await gh.store.readFile(
      'gitops',
      'config-dev',
      r.branch,
      'requirements.yaml',
    );
    expect(req).toContain('version: v0.0.20 # pinned by Delivery');
  });

  it.each(['latest', '2024.01.02', '01.2.3', '1.2'])(
    'refuses %s (not SemVer 2) before any GitHub call',
    async version => {
      const { service } = await createHarness(gh, knex);
      await expect(
        service.promote({
          entity,
          credentials: guest,
          environment: 'loose',
          version,
        }),
      ).rejects.toThrow(InputError);
      expect(gh.requests).toEqual([]);
    },
  );
});

describe('retries only for idempotent reads (#11 hole 7)', () => {
  it.each([
    ['POST', /\/git\/refs$/],
    ['POST', /\/pulls$/],
  ])('never retries a %s %s after a 429', async (method, path) => {
    const { service } = await createHarness(gh, knex);
    injectGitHubFault(gh, {
      kind: 'error',
      method,
      pathPattern: path.source,
      times: 1,
      status: 429,
      headers: { 'retry-after': '0' },
      body: JSON.stringify({ message: 'slow down' }),
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(ServiceUnavailableError);
    expect(
      gh.requests.filter(
        r => r.startsWith(method) && path.test(r.split('?')[0]),
      ),
    ).toHaveLength(1);
  });

  it('never retries a PATCH after a 403 rate limit', async () => {
    const { service } = await createHarness(gh, knex);
    const first = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    await octokit.rest.pulls.update({
      owner: 'gitops',
      repo: 'config-dev',
      pull_number: first.number,
      state: 'closed',
    });
    await gh.store.commitFiles(
      'gitops',
      'config-dev',
      'main',
      'unrelated change',
      {
        'requirements.yaml': DEV_REQUIREMENTS.replace(
          '# Umbrella chart',
          '# The umbrella chart',
        ),
      },
    );
    gh.requests.length = 0;
    injectGitHubFault(gh, {
      kind: 'error',
      method: 'PATCH',
      pathPattern: '/git/refs/',
      times: 1,
      status: 403,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
      },
      body: JSON.stringify({ message: 'API rate limit exceeded' }),
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(ServiceUnavailableError);
    expect(gh.requests.filter(r => r.startsWith('PATCH'))).toHaveLength(1);
  });

  it('still backs off once on a rate-limited read', async () => {
    const { service } = await createHarness(gh, knex);
    injectGitHubFault(gh, {
      kind: 'error',
      method: 'GET',
      pathPattern: '/pulls(\\?|$)',
      times: 1,
      status: 429,
      headers: { 'retry-after': '0' },
      body: JSON.stringify({ message: 'injected 429' }),
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).resolves.toMatchObject({ created: true });
    expect(gh.faults.list()).toEqual([]); // the 429 was answered
  });
});
