import { mockCredentials } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { Octokit } from '@octokit/rest';
import type { Knex } from 'knex';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { UnprocessableError } from '../../errors';
import { createHarness, guest } from './__testUtils__/harness';
import { changedLines } from './__testUtils__/fixtures';
import {
  injectGitHubFault,
  TestGitHub,
  startTestGitHub,
  writes,
} from '@gitops-delivery/sandbox/testUtils';
import {
  DEV_REQUIREMENTS,
  DEV_VALUES,
  entity,
  PROD_CHART,
  PROD_VALUES,
  seeds,
} from './__testUtils__/world';

jest.setTimeout(60_000);

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
async function deliveryRefs(repo: string) {
  return (
    await octokit.rest.git.listMatchingRefs({
      owner: 'gitops',
      repo,
      ref: 'heads/delivery/',
    })
  ).data;
}
async function compare(repo: string, branch: string) {
  return (
    await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'gitops',
      repo,
      basehead: `main...${branch}`,
    })
  ).data;
}
const patchLines = (patch = '') =>
  patch.split('\n').filter(l => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));

describe('promote (v1 requirements.yaml, aliased dependency)', () => {
  it('opens one PR whose diff is exactly the pin line and the image tag', async () => {
    const { service, store, auditor } = await createHarness(gh, knex);
    const result = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(result).toMatchObject({
      environment: 'dev',
      version: 'v0.0.20',
      previousVersion: '0.0.19',
      branch: 'delivery/dev/xposer-0.0.20',
      created: true,
      number: expect.any(Number),
    });

    const cmp = await compare('config-dev', result.branch);
    expect(cmp.total_commits).toBe(1);
    expect(cmp.commits[0].parents).toHaveLength(1);
    const byFile = Object.fromEntries(
      (cmp.files ?? []).map(f => [f.filename, f]),
    );
    expect(Object.keys(byFile).sort()).toEqual([
      'requirements.yaml',
      'xposer.yaml',
    ]);
    expect(patchLines(byFile['requirements.yaml'].patch)).toEqual([
      '-    version: 0.0.19 # pinned by Delivery',
      '+    version: v0.0.20 # pinned by Delivery',
    ]);
    expect(patchLines(byFile['xposer.yaml'].patch)).toEqual([
      '-      tag: 0.0.19',
      '+      tag: v0.0.20',
    ]);

    const req = await gh.store.readFile(
      'gitops',
      'config-dev',
      result.branch,
      'requirements.yaml',
    );
    expect(changedLines(DEV_REQUIREMENTS, req!)).toHaveLength(1);
    const values = await gh.store.readFile(
      'gitops',
      'config-dev',
      result.branch,
      'xposer.yaml',
    );
    expect(changedLines(DEV_VALUES, values!)).toHaveLength(1);
    // main is untouched: never merged, never pushed
    expect(
      await gh.store.readFile(
        'gitops',
        'config-dev',
        'main',
        'requirements.yaml',
      ),
    ).toBe(DEV_REQUIREMENTS);

    const [pull] = await openPulls('config-dev');
    expect(pull.number).toBe(result.number);
    expect(pull.title).toBe('Promote xposer 0.0.19 -> v0.0.20 to dev');
    expect(pull.base.ref).toBe('main');
    expect(pull.body).toContain(
      '<!-- delivery:promotion env=dev release=xposer version=v0.0.20 -->',
    );
    expect(pull.body).toContain('/stakater/xposer/compare/');
    expect(pull.body).toContain('(SUCCESS)');
    expect(pull.merged_at).toBeNull();

    expect(await store.listPromotions('component:default/xposer')).toEqual([
      expect.objectContaining({
        outcome: 'created',
        fromVersion: '0.0.19',
        toVersion: 'v0.0.20',
        actor: 'user:default/guest',
        pullRequestUrl: pull.html_url,
      }),
    ]);
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-promote',
        severityLevel: 'medium',
        status: 'succeeded',
        meta: expect.objectContaining({
          entityRef: 'component:default/xposer',
          environment: 'dev',
          actor: 'user:default/guest',
          outcome: 'created',
          pullRequestUrl: pull.html_url,
        }),
      }),
    ]);
  });

  it('returns the same PR on retry (created: false) and accepts 0.0.20 for v0.0.20', async () => {
    const { service, store } = await createHarness(gh, knex);
    const first = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    gh.requests.length = 0;
    const again = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: '0.0.20',
    });
    expect(again).toMatchObject({
      created: false,
      number: first.number,
      url: first.url,
      branch: first.branch,
    });
    expect(writes(gh.requests)).toEqual([]);
    expect(await openPulls('config-dev')).toHaveLength(1);
    const outcomes = (
      await store.listPromotions('component:default/xposer')
    ).map(r => r.outcome);
    expect(outcomes.slice(0, 2)).toEqual(['reused', 'created']);
  });

  it('merges requested values under the release', async () => {
    const { service } = await createHarness(gh, knex);
    const r = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
      values: 'xposer:\n  watchGlobally: false\n',
    });
    const cmp = await compare('config-dev', r.branch);
    const values = (cmp.files ?? []).find(f => f.filename === 'xposer.yaml');
    expect(patchLines(values?.patch)).toEqual([
      '-      tag: 0.0.19',
      '-    watchGlobally: true',
      '+      tag: v0.0.20',
      '+    watchGlobally: false',
    ]);
  });
});

describe('promote (v2 Chart.yaml, CRLF)', () => {
  it('keeps the v prefix, quotes and CRLF, and merges values', async () => {
    const { service } = await createHarness(gh, knex);
    const r = await service.promote({
      entity,
      credentials: guest,
      environment: 'prod',
      version: '0.0.20',
      values: 'xposer:\n  resources:\n    limits:\n      cpu: 100m\n',
    });
    expect(r).toMatchObject({
      previousVersion: 'v0.0.19',
      version: 'v0.0.20',
      branch: 'delivery/prod/xposer-0.0.20',
      created: true,
    });
    const chart = await gh.store.readFile(
      'gitops',
      'config-prod',
      r.branch,
      'Chart.yaml',
    );
    expect(changedLines(PROD_CHART, chart!)).toEqual([
      {
        line: 6,
        before: '  version: "v0.0.19"\r',
        after: '  version: "v0.0.20"\r',
      },
    ]);
    const values = await gh.store.readFile(
      'gitops',
      'config-prod',
      r.branch,
      'xposer.yaml',
    );
    expect(values).toBe(
      PROD_VALUES.replace('tag: v0.0.19', 'tag: v0.0.20').replace(
        '    resources: {}\r\n',
        '    resources:\r\n      limits:\r\n        cpu: 100m\r\n',
      ),
    );
  });
});

describe('idempotence and serialization', () => {
  it('22 concurrent promotes -> 1 PR', async () => {
    const { service } = await createHarness(gh, knex);
    const results = await Promise.all(
      Array.from({ length: 22 }, () =>
        service.promote({
          entity,
          credentials: guest,
          environment: 'dev',
          version: 'v0.0.20',
        }),
      ),
    );
    expect(await openPulls('config-dev')).toHaveLength(1);
    expect(new Set(results.map(r => r.number)).size).toBe(1);
    expect(results.filter(r => r.created)).toHaveLength(1);
    expect((await deliveryRefs('config-dev')).map(r => r.ref)).toEqual([
      'refs/heads/delivery/dev/xposer-0.0.20',
    ]);
  });

  it('concurrent promotes of different versions -> one PR per target, the other refused', async () => {
    const { service } = await createHarness(gh, knex);
    const settled = await Promise.allSettled([
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.18',
      }),
    ]);
    const ok = settled.filter(s => s.status === 'fulfilled');
    const refused = settled.filter(
      (s): s is PromiseRejectedResult => s.status === 'rejected',
    );
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(ConflictError);
    expect(refused[0].reason.message).toMatch(
      /already promotes xposer to v0\.0\.(18|20) in dev; merge or close it first/,
    );
    expect(await openPulls('config-dev')).toHaveLength(1);
    expect(await deliveryRefs('config-dev')).toHaveLength(1);
  });

  it('allows a rollback once the open promotion is closed', async () => {
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
    const rollback = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.18',
    });
    expect(rollback).toMatchObject({
      created: true,
      previousVersion: '0.0.19',
      branch: 'delivery/dev/xposer-0.0.18',
    });
    const req = await gh.store.readFile(
      'gitops',
      'config-dev',
      rollback.branch,
      'requirements.yaml',
    );
    expect(changedLines(DEV_REQUIREMENTS, req!)).toEqual([
      {
        line: 5,
        before: '    version: 0.0.19 # pinned by Delivery',
        after: '    version: v0.0.18 # pinned by Delivery',
      },
    ]);
  });

  it('keeps one PR per target and version across environments', async () => {
    const { service } = await createHarness(gh, knex);
    const prod = await service.promote({
      entity,
      credentials: guest,
      environment: 'prod',
      version: 'v0.0.20',
    });
    const dev = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(dev.created).toBe(true);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'prod',
        version: 'v0.0.20',
      }),
    ).resolves.toMatchObject({ created: false, number: prod.number });
  });

  it('reuses our branch when the PR is missing (crash between branch and PR)', async () => {
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
    const head = await gh.store.headSha('gitops', 'config-dev', first.branch);
    gh.requests.length = 0;
    const second = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(second).toMatchObject({ created: true, branch: first.branch });
    expect(second.number).not.toBe(first.number);
    expect(await gh.store.headSha('gitops', 'config-dev', first.branch)).toBe(
      head,
    );
    expect(writes(gh.requests).map(r => r.split('?')[0])).toEqual([
      'POST /api/v3/repos/gitops/config-dev/pulls',
    ]);
  });

  it('moves our stale branch onto the current base', async () => {
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
    const second = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(second.created).toBe(true);
    const cmp = await compare('config-dev', second.branch);
    expect(cmp.total_commits).toBe(1);
    expect(cmp.behind_by).toBe(0);
  });

  it('refuses a branch with our name that is not ours', async () => {
    await gh.reset(
      seeds().map(s =>
        s.name === 'config-dev'
          ? {
              ...s,
              branches: [
                {
                  name: 'delivery/dev/xposer-0.0.20',
                  commits: [
                    {
                      message: 'someone else',
                      date: '2026-01-02T00:00:00Z',
                      files: { 'other.txt': 'x' },
                    },
                  ],
                },
              ],
            }
          : s,
      ),
    );
    const { service } = await createHarness(gh, knex);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(/was not created by Delivery/);
    expect(await openPulls('config-dev')).toHaveLength(0);
  });

  it('handles GitHub 422 "pull request already exists" by reusing it', async () => {
    const { service } = await createHarness(gh, knex);
    const first = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    // the next list answers as if no PR were open (another replica raced us)
    injectGitHubFault(gh, {
      kind: 'respond',
      method: 'GET',
      pathPattern: '/repos/gitops/config-dev/pulls(\\?|$)',
      times: 1,
      body: JSON.stringify([]),
    });
    const again = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(again).toMatchObject({ created: false, number: first.number });
    expect(
      gh.requests.filter(r => r.startsWith('POST') && r.includes('/pulls')),
    ).toHaveLength(2);
    expect(await openPulls('config-dev')).toHaveLength(1);
  });

  it('retries once after a 409 and then succeeds', async () => {
    const { service } = await createHarness(gh, knex);
    injectGitHubFault(gh, {
      kind: 'error',
      method: 'POST',
      pathPattern: '/git/refs$',
      times: 1,
      status: 409,
      body: JSON.stringify({ message: 'Reference update conflict' }),
    });
    const r = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(r.created).toBe(true);
    expect(
      gh.requests.filter(x => x.startsWith('POST') && x.includes('/git/refs')),
    ).toHaveLength(2);
    expect(await openPulls('config-dev')).toHaveLength(1);
  });

  it('gives a clear conflict after a second 409, with no PR', async () => {
    const { service, store } = await createHarness(gh, knex);
    injectGitHubFault(gh, {
      kind: 'error',
      method: 'POST',
      pathPattern: '/git/refs$',
      status: 409,
      body: JSON.stringify({ message: 'is at abc but expected def' }),
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(ConflictError);
    expect(
      gh.requests.filter(x => x.startsWith('POST') && x.includes('/git/refs')),
    ).toHaveLength(2);
    expect(await openPulls('config-dev')).toHaveLength(0);
    const [rec] = await store.listPromotions('component:default/xposer', {
      limit: 1,
    });
    expect(rec.outcome).toBe('refused');
  });

  it('backs off once on a rate limit and then succeeds', async () => {
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

  it('does not storm a rate-limited GitHub', async () => {
    const { service } = await createHarness(gh, knex);
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    injectGitHubFault(gh, {
      kind: 'error',
      method: 'GET',
      pathPattern: '.',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: JSON.stringify({ message: 'API rate limit exceeded' }),
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(/rate limit/);
    expect(gh.requests).toHaveLength(1);
  });

  it('reports a refused write (branch protection) and bypasses nothing', async () => {
    const { service } = await createHarness(gh, knex);
    injectGitHubFault(gh, {
      kind: 'error',
      method: 'POST',
      pathPattern: '/git/refs$',
      status: 403,
      body: JSON.stringify({
        message: 'Resource not accessible by integration',
      }),
    });
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(
      /could not create branch delivery\/dev\/xposer-0.0.20: Resource not accessible/,
    );
    expect(
      gh.requests.filter(x => x.startsWith('POST') && x.includes('/git/refs')),
    ).toHaveLength(1);
    expect(await openPulls('config-dev')).toHaveLength(0);
  });

  it('refuses "already pinned" with no PR', async () => {
    const { service } = await createHarness(gh, knex);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.19',
      }),
    ).rejects.toThrow(/already pinned to 0.0.19/);
    expect(writes(gh.requests)).toEqual([]);
  });
});

describe('refusals write nothing', () => {
  it.each([
    ['bomb', /more than 8 YAML aliases/],
    ['dup', /duplicate keys/],
    ['multi', /2 YAML documents/],
    ['big', /over the 262144-byte limit/],
    ['twice', /lists dependency "xposer" 2 times/],
  ])('config repo %s -> UnprocessableError', async (env, message) => {
    const { service, auditor } = await createHarness(gh, knex);
    const p = service.promote({
      entity,
      credentials: guest,
      environment: env,
      version: 'v0.0.20',
    });
    await expect(p).rejects.toThrow(UnprocessableError);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: env,
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(message);
    expect(writes(gh.requests)).toEqual([]);
    expect(await deliveryRefs(`config-${env}`)).toEqual([]);
    expect(auditor.events.every(e => e.status === 'failed')).toBe(true);
  });

  it.each([
    ['bad version', { version: '1.2.3\nimage: evil' }, InputError],
    ['unknown environment', { environment: 'nope' }, InputError],
    ['gate: no chart', { version: 'v0.0.21' }, InputError],
    ['gate: failed build', { version: 'v0.0.22' }, ConflictError],
    [
      'gate: not running in previous',
      { environment: 'prod', version: 'v0.0.19' },
      ConflictError,
    ],
  ])('%s -> 4xx before any GitHub call', async (_what, patch, type) => {
    const { service, auditor } = await createHarness(gh, knex);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'dev',
        version: 'v0.0.20',
        ...patch,
      }),
    ).rejects.toThrow(type);
    expect(gh.requests).toEqual([]);
    expect(auditor.events).toEqual([
      expect.objectContaining({ status: 'failed' }),
    ]);
  });

  it('names the failed gate', async () => {
    const { service } = await createHarness(gh, knex);
    await expect(
      service.promote({
        entity,
        credentials: guest,
        environment: 'prod',
        version: 'v0.0.19',
      }),
    ).rejects.toThrow(
      'Promotion gate requireRunningInPrevious failed for prod: v0.0.19 is not running in dev (running: v0.0.20)',
    );
  });

  it('refuses an environment not on the entity', async () => {
    const { service } = await createHarness(gh, knex);
    const narrowed = {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          'delivery/environments': 'dev',
        },
      },
    };
    await expect(
      service.promote({
        entity: narrowed,
        credentials: guest,
        environment: 'prod',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(NotAllowedError);
    expect(gh.requests).toEqual([]);
  });

  it('refuses service principals', async () => {
    const { service, getView } = await createHarness(gh, knex);
    await expect(
      service.promote({
        entity,
        credentials: mockCredentials.service(),
        environment: 'dev',
        version: 'v0.0.20',
      }),
    ).rejects.toThrow(NotAllowedError);
    expect(getView).not.toHaveBeenCalled();
    expect(gh.requests).toEqual([]);
  });
});
