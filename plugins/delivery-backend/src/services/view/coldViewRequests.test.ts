import type { CacheService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { JsonObject } from '@backstage/types';
import {
  component,
  memoryCache,
  sandboxAppConfig,
  sandboxViewService,
  stakaterHostAliases,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { GitHubGraphQL } from '../../upstreams/github/GitHubGraphQL';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { sandboxCredentials } from '@gitops-delivery/sandbox';
import type { FaultSpec } from '@gitops-delivery/sandbox';
import { readDeliveryConfig } from '../../config';
import { UpstreamClients } from '../../upstreams/clients';
import { DefaultDeliveryViewService } from './DefaultDeliveryViewService';

jest.setTimeout(60_000);

/**
 * The cost of a cold view (#13 part 5): at most 2 x environments + 6 upstream
 * requests, counted by the sandbox over real HTTP. The config repos of a view
 * are read in one GitHub GraphQL query; the same view with GraphQL off
 * (today's REST reads) must be equal.
 */

const ENVIRONMENTS = 3;
const BUDGET = 2 * ENVIRONMENTS + 6;

/** `upstream route count` lines, sorted (the breakdown printed on failure). */
function routesOf(sandbox: TestSandbox): string[] {
  const counts = sandbox.counter.snapshot().upstreams;
  return Object.entries(counts)
    .flatMap(([u, c]) =>
      Object.entries(c.routes).map(([route, n]) => `${u} ${route} ${n}`),
    )
    .sort();
}

function total(sandbox: TestSandbox): number {
  return sandbox.counter.snapshot().total;
}

/** The view without what depends on the clock. */
function comparable(v: DeliveryView): unknown {
  const { generatedAt: _ignored, ...rest } = JSON.parse(JSON.stringify(v));
  return rest;
}

/** Which repositories each GraphQL query named (owner/name variables). */
function recordQueries(): { repos: string[][]; restore(): void } {
  const repos: string[][] = [];
  const original = GitHubGraphQL.prototype.query;
  const spy = jest
    .spyOn(GitHubGraphQL.prototype, 'query')
    .mockImplementation(function call(
      this: GitHubGraphQL,
      query: string,
      variables: Record<string, unknown>,
      what: string,
    ) {
      const names = Object.keys(variables)
        .filter(k => /^o\d+$/.test(k))
        .map(k => `${variables[k]}/${variables[`n${k.slice(1)}`]}`);
      repos.push([...new Set(names)].sort());
      return original.call(this, query, variables, what);
    });
  return { repos, restore: () => spy.mockRestore() };
}

async function coldView(
  sandbox: TestSandbox,
  entity: Entity,
  delivery: JsonObject = {},
  cache: CacheService = memoryCache(),
): Promise<{ view: DeliveryView; routes: string[]; total: number }> {
  const service = sandboxViewService(sandbox.urls, { cache, delivery });
  sandbox.counter.reset();
  const view = await service.getView(entity);
  return { view, routes: routesOf(sandbox), total: total(sandbox) };
}

function expectWithinBudget(
  what: string,
  r: { routes: string[]; total: number },
) {
  if (r.total > BUDGET) {
    throw new Error(
      `${what}: ${
        r.total
      } upstream requests, over ${BUDGET}:\n  ${r.routes.join('\n  ')}`,
    );
  }
}

describe('the cost of a cold view (default world)', () => {
  let sandbox: TestSandbox;
  const xposer = component('xposer', xposerAnnotations);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('reads the config repos in one GraphQL query: 12 requests for 3 environments', async () => {
    const graphql = await coldView(sandbox, xposer);
    process.stdout.write(
      `cold view of xposer (GraphQL): ${
        graphql.total
      } upstream requests\n  ${graphql.routes.join('\n  ')}\n`,
    );
    expectWithinBudget('xposer', graphql);
    expect(graphql.routes).toEqual([
      'chartmuseum GET /api/charts/xposer 1',
      'github GET /api/v3/repos/stakater/xposer/commits 1',
      'github GET /api/v3/repos/stakater/xposer/tags 1',
      'github POST /api/graphql 1',
      'jenkins-code GET /job/stakater/job/xposer/job/master/api/json 1',
      'jenkins-deploy GET /job/deploy/job/config-dev/api/json 1',
      'jenkins-deploy GET /job/deploy/job/config-prod/api/json 1',
      'jenkins-deploy GET /job/deploy/job/config-staging/api/json 1',
      'kubernetes GET /apis/apps/v1/namespaces/dev/deployments 1',
      'kubernetes GET /apis/apps/v1/namespaces/prod/deployments 1',
      'kubernetes GET /apis/apps/v1/namespaces/staging/deployments 1',
      'nexus GET /service/rest/v1/search 1',
    ]);
    expect(
      Object.entries(graphql.view.sources).filter(([, s]) => s.status !== 'ok'),
    ).toEqual([]);

    const rest = await coldView(sandbox, xposer, {
      github: { graphql: false },
    });
    process.stdout.write(
      `cold view of xposer (REST only): ${
        rest.total
      } upstream requests\n  ${rest.routes.join('\n  ')}\n`,
    );
    expect(rest.routes.filter(r => r.includes('graphql'))).toEqual([]);
    // the batch changes no result
    expect(comparable(graphql.view)).toEqual(comparable(rest.view));
  });

  it('makes no request for a warm view', async () => {
    const cache = memoryCache();
    await coldView(sandbox, xposer, {}, cache);
    const warm = await coldView(sandbox, xposer, {}, cache);
    expect(warm.routes).toEqual([]);
  });

  it('fails only the environment whose config repo is missing', async () => {
    const app = sandboxAppConfig(sandbox.urls);
    const environments = (app.delivery as JsonObject)
      .environments as JsonObject[];
    const missing = environments.map(e =>
      e.name === 'staging'
        ? { ...e, configRepo: `${sandbox.urls.github}/gitops/config-missing` }
        : e,
    );
    const graphql = await coldView(sandbox, xposer, { environments: missing });
    const rest = await coldView(sandbox, xposer, {
      environments: missing,
      github: { graphql: false },
    });
    const failures = (v: DeliveryView) =>
      Object.entries(v.sources)
        .filter(([, s]) => s.status !== 'ok')
        .map(([name, s]) => [
          name,
          s.status === 'error' ? s.error.kind : s.status,
        ]);
    expect(failures(graphql.view)).toEqual([
      ['configRepo:staging', 'not-found'],
      ['promotions:staging', 'not-found'],
    ]);
    expect(failures(rest.view)).toEqual(failures(graphql.view));
    expectWithinBudget('xposer, staging missing', graphql);
    // dev and prod as when nothing is missing
    const row = (v: DeliveryView, name: string) =>
      v.environments.find(e => e.name === name);
    for (const name of ['dev', 'prod']) {
      expect(row(graphql.view, name)).toEqual(row(rest.view, name));
      expect(row(graphql.view, name)?.pinnedVersion).toBeDefined();
    }
  });

  it('reads each config repo once for the views of several services sharing them (organisation)', async () => {
    const services = [
      xposer,
      component('nordmart-review', {
        'delivery/code-job': 'stakater/nordmart-review/main',
        'delivery/image': 'stakater/nordmart-review',
        'delivery/chart': 'nordmart-review',
      }),
      component('gateway', {
        'delivery/code-job': 'platform/gateway',
        'delivery/image': 'stakater/gateway',
        'delivery/chart': 'gateway',
      }),
    ];
    const cache = memoryCache();
    const service = sandboxViewService(sandbox.urls, { cache });
    const queries = recordQueries();
    try {
      sandbox.counter.reset();
      // the organisation page: every service at once, then each again
      await Promise.all(services.map(s => service.getView(s)));
      for (const s of services) await service.getView(s);
    } finally {
      queries.restore();
    }
    const configRest = routesOf(sandbox).filter(r =>
      /^github \S+ \/api\/v3\/repos\/gitops\//.test(r),
    );
    const graphqlPosts = routesOf(sandbox).filter(r =>
      r.startsWith('github POST /api/graphql'),
    );
    const perRepo = new Map<string, number>();
    for (const repos of queries.repos) {
      for (const r of repos) perRepo.set(r, (perRepo.get(r) ?? 0) + 1);
    }
    for (const r of configRest) {
      const repo = r.match(/\/repos\/(gitops\/[^/ ]+)/)![1];
      perRepo.set(repo, (perRepo.get(repo) ?? 0) + 1);
    }
    process.stdout.write(
      `organisation (3 services, 2 views each): ${graphqlPosts.join(
        ', ',
      )}; config repo REST reads: ${
        configRest.length
      }; per repo ${JSON.stringify([...perRepo])}\n`,
    );
    expect([...perRepo].sort()).toEqual([
      ['gitops/config-dev', 1],
      ['gitops/config-prod', 1],
      ['gitops/config-staging', 1],
    ]);
    expect(graphqlPosts).toEqual(['github POST /api/graphql 1']);
  });
});

describe('GraphQL fallbacks (default world)', () => {
  let sandbox: TestSandbox;
  const xposer = component('xposer', xposerAnnotations);
  let restView: unknown;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    restView = comparable(
      (await coldView(sandbox, xposer, { github: { graphql: false } })).view,
    );
  });
  afterEach(() => sandbox.faults.clear());
  afterAll(() => sandbox.stop());

  const graphqlFault = (spec: Omit<FaultSpec, 'upstream'>) =>
    sandbox.faults.add({
      upstream: 'github',
      method: 'POST',
      pathPattern: '^/api/graphql',
      ...spec,
    });
  const configRest = (routes: string[]) =>
    routes.filter(r => /^github GET \/api\/v3\/repos\/gitops\//.test(r));

  it.each([
    [
      'no GraphQL endpoint (404)',
      { kind: 'error', status: 404, body: '{"message":"Not Found"}' },
    ],
    ['a failing endpoint (502)', { kind: 'error', status: 502 }],
    [
      'a RATE_LIMITED answer',
      {
        kind: 'respond',
        status: 200,
        body: JSON.stringify({
          errors: [
            {
              type: 'RATE_LIMITED',
              message: 'API rate limit exceeded for user ID 1.',
            },
          ],
        }),
        headers: { 'x-ratelimit-remaining': '0' },
      },
    ],
  ] as const)(
    'reads through REST after %s: the same view',
    async (_what, spec) => {
      graphqlFault(spec as Omit<FaultSpec, 'upstream'>);
      const r = await coldView(sandbox, xposer);
      expect(r.routes.some(x => x.startsWith('github POST /api/graphql'))).toBe(
        true,
      );
      expect(configRest(r.routes).length).toBeGreaterThan(0);
      expect(comparable(r.view)).toEqual(restView);
    },
  );

  it('fails the config repos as unauthorized when GraphQL refuses the credentials (no REST retry)', async () => {
    graphqlFault({
      kind: 'error',
      status: 401,
      body: JSON.stringify({
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/graphql',
      }),
    });
    const r = await coldView(sandbox, xposer);
    expect(configRest(r.routes)).toEqual([]);
    expect(
      Object.entries(r.view.sources)
        .filter(([, s]) => s.status !== 'ok')
        .map(([name, s]) => [
          name,
          s.status === 'error' ? s.error.kind : s.status,
        ])
        .sort(),
    ).toEqual(
      ['configRepo', 'promotions']
        .flatMap(k =>
          ['dev', 'prod', 'staging'].map(e => [`${k}:${e}`, 'unauthorized']),
        )
        .sort(),
    );
  });

  it('reads truncated blobs and more than one page of pulls through REST, never a truncated answer', async () => {
    const config = readDeliveryConfig(
      new ConfigReader(sandboxAppConfig(sandbox.urls)),
    );
    const [dev, staging] = config.environments;
    const loader = () =>
      DefaultDeliveryViewService.create({
        config,
        logger: mockServices.logger.mock(),
        cache: memoryCache(),
      }).sources;
    const commits = (await (
      await fetch(
        `${sandbox.urls.github}/api/v3/repos/gitops/config-dev/commits?per_page=2`,
        {
          headers: { authorization: `token ${sandboxCredentials.githubToken}` },
        },
      )
    ).json()) as { sha: string }[];
    const shas = commits.map(c => c.sha);
    const truncated = {
      oid: 'x',
      object: { text: null, isTruncated: true },
    };
    graphqlFault({
      kind: 'respond',
      status: 200,
      once: true,
      body: JSON.stringify({
        data: {
          f0: { object: { oid: shas[0], file: truncated } },
          f1: { object: { oid: shas[1], file: truncated } },
          rateLimit: {
            cost: 1,
            remaining: 4999,
            resetAt: '2100-01-01T00:00:00Z',
          },
        },
      }),
    });
    sandbox.counter.reset();
    const fileLoader = loader();
    const files = await Promise.all(
      shas.map(sha => fileLoader.fileAt(dev, sha)),
    );
    const afterFiles = routesOf(sandbox);
    const restFiles = await Promise.all(
      shas.map(async sha => {
        const r = await fetch(
          `${sandbox.urls.github}/api/v3/repos/gitops/config-dev/contents/requirements.yaml?ref=${sha}`,
          {
            headers: {
              authorization: `token ${sandboxCredentials.githubToken}`,
            },
          },
        );
        const body = (await r.json()) as { content: string };
        return Buffer.from(body.content, 'base64').toString('utf8');
      }),
    );
    expect(files).toEqual(restFiles);
    expect(afterFiles).toEqual([
      'github GET /api/v3/repos/gitops/config-dev/contents/requirements.yaml 2',
      'github POST /api/graphql 1',
    ]);

    graphqlFault({
      kind: 'respond',
      status: 200,
      once: true,
      body: JSON.stringify({
        data: {
          r0: {
            pullRequests: {
              pageInfo: { hasNextPage: true, endCursor: 'c' },
              nodes: [],
            },
          },
          r1: {
            pullRequests: {
              pageInfo: { hasNextPage: true, endCursor: 'c' },
              nodes: [],
            },
          },
          rateLimit: {
            cost: 1,
            remaining: 4999,
            resetAt: '2100-01-01T00:00:00Z',
          },
        },
      }),
    });
    sandbox.counter.reset();
    const l = loader();
    const pulls = await Promise.all([l.pulls(dev), l.pulls(staging)]);
    expect(routesOf(sandbox)).toEqual([
      'github GET /api/v3/repos/gitops/config-dev/pulls 1',
      'github GET /api/v3/repos/gitops/config-staging/pulls 1',
      'github POST /api/graphql 1',
    ]);
    const reader = new UpstreamClients(config).githubFor(dev);
    expect(pulls).toEqual([
      await reader.listOpenPulls('gitops', 'config-dev'),
      await reader.listOpenPulls('gitops', 'config-staging'),
    ]);
    expect(pulls[1].length).toBeGreaterThan(0);

    // a bot's login as REST spells it (GraphQL drops the `[bot]` suffix)
    const byApp = {
      number: 7,
      url: `${sandbox.urls.github}/gitops/config-dev/pull/7`,
      title: 'Promote xposer to v0.0.21 in dev',
      headRefName: 'delivery/dev/xposer-v0.0.21',
      createdAt: '2026-01-01T00:00:00Z',
      author: { login: 'delivery-app', __typename: 'Bot' },
    };
    const page = {
      pullRequests: {
        pageInfo: { hasNextPage: false, endCursor: null },
        nodes: [byApp],
      },
    };
    graphqlFault({
      kind: 'respond',
      status: 200,
      once: true,
      body: JSON.stringify({ data: { r0: page, r1: page } }),
    });
    const l2 = loader();
    const botPulls = await Promise.all([l2.pulls(dev), l2.pulls(staging)]);
    expect(botPulls.flat().map(p => p.author)).toEqual([
      'delivery-app[bot]',
      'delivery-app[bot]',
    ]);
  });
});

describe('the cost of a cold view (stakater world)', () => {
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox('stakater');
  });
  afterAll(() => sandbox.stop());

  it('stays within budget and equals the REST-only view', async () => {
    const inventory = component('inventory', {
      'delivery/code-job': 'code:stakater/inventory/master',
      'delivery/image': 'stakater/inventory',
      'delivery/chart': 'inventory',
      'backstage.io/source-location': `url:${sandbox.urls.github}/stakater/inventory/tree/master/`,
    });
    const storefront = component('storefront', {
      'delivery/code-job': 'code:stakater/storefront/main',
      'delivery/image': 'stakater/storefront',
      'delivery/chart': 'storefront',
    });
    for (const entity of [inventory, storefront]) {
      const aliases = stakaterHostAliases(sandbox.urls);
      const graphql = await coldView(sandbox, entity, aliases);
      const rest = await coldView(sandbox, entity, {
        ...aliases,
        github: { graphql: false },
      });
      process.stdout.write(
        `cold view of ${entity.metadata.name} (stakater): GraphQL ${
          graphql.total
        } requests\n  ${graphql.routes.join('\n  ')}\n  REST only ${
          rest.total
        } requests\n  ${rest.routes.join('\n  ')}\n`,
      );
      expectWithinBudget(entity.metadata.name, graphql);
      expect(graphql.routes.filter(r => r.includes('graphql'))).toEqual([
        'github POST /api/graphql 1',
      ]);
      expect(graphql.routes.filter(r => /\/repos\/gitops\//.test(r))).toEqual(
        [],
      );
      expect(comparable(graphql.view)).toEqual(comparable(rest.view));
    }
  });
});
