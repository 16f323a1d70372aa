import { createSign, generateKeyPairSync } from 'node:crypto';
import { Octokit } from '@octokit/rest';
import { startTestGitHub, TestGitHub, TEST_GITHUB_TOKEN } from '../testing';
import { auth, startTestSandbox } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';
import { graphqlSeeds } from './graphqlSeeds';

// GitHub's GraphQL error semantics, over HTTP: partial errors with `type`/`path`/`locations`
// (HTTP 200, the failed field null), null for absent refs/files/objects, connection limits,
// 401s with the REST token rules, syntax/validation errors without `data`, the rate limit, and
// the sandbox's request counting and fault injection on `POST /api/graphql`.

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

function appJwt(): string {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o: unknown) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({
    iss: 42,
    iat: now - 30,
    exp: now + 540,
  })}`;
  const sig = createSign('RSA-SHA256').update(data).sign(keys.privateKey);
  return `${data}.${sig.toString('base64url')}`;
}

let gh: TestGitHub;
beforeAll(async () => {
  gh = await startTestGitHub(graphqlSeeds(), {
    apps: [
      {
        id: 42,
        slug: 'delivery-app',
        publicKey: keys.publicKey,
        installations: [{ id: 7, account: 'gitops' }],
      },
    ],
  });
});
afterAll(() => gh.close());

async function post(
  body: unknown,
  authorization: string | null = `bearer ${TEST_GITHUB_TOKEN}`,
  base = gh.baseUrl,
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: {
      ...(authorization ? { authorization } : {}),
      'content-type': 'application/json',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const at = (query: string, needle: string) => {
  const before = query.slice(0, query.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
};

describe('GitHub GraphQL: partial errors and nulls', () => {
  it('a missing repository is null with a NOT_FOUND error; the others still answer (HTTP 200)', async () => {
    const query = `query {
  ok: repository(owner: "gitops", name: "config-dev") { nameWithOwner }
  gone: repository(owner: "gitops", name: "config-nope") { nameWithOwner }
}`;
    const { status, json } = await post({ query });
    expect(status).toBe(200);
    expect(json).toEqual({
      data: { ok: { nameWithOwner: 'gitops/config-dev' }, gone: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['gone'],
          locations: [at(query, 'gone:')],
          message:
            "Could not resolve to a Repository with the name 'gitops/config-nope'.",
        },
      ],
    });
  });

  it('a missing ref, file or object is null without an error', async () => {
    const { json } = await post({
      query: `query($oid: GitObjectID!) {
        repository(owner: "gitops", name: "config-dev") {
          nope: ref(qualifiedName: "refs/heads/nope") { name }
          short: ref(qualifiedName: "nope") { name }
          main: ref(qualifiedName: "main") { target { ... on Commit { file(path: "no/such.yaml") { oid } dir: file(path: "app") { type } } } }
          object(oid: $oid) { oid }
        }
      }`,
      variables: { oid: 'a'.repeat(40) },
    });
    expect(json).toEqual({
      data: {
        repository: {
          nope: null,
          short: null,
          main: { target: { file: null, dir: { type: 'tree' } } },
          object: null,
        },
      },
    });
  });

  it('a private repository is visible to the token (as on REST)', async () => {
    const { json } = await post({
      query: `{ repository(owner: "gitops", name: "secrets") { isPrivate nameWithOwner } }`,
    });
    expect(json).toEqual({
      data: {
        repository: { isPrivate: true, nameWithOwner: 'gitops/secrets' },
      },
    });
  });

  it('an invalid GitObjectID variable fails the whole query, errors only', async () => {
    const { status, json } = await post({
      query: `query($oid: GitObjectID!) { repository(owner: "gitops", name: "config-dev") { object(oid: $oid) { oid } } }`,
      variables: { oid: 'main' },
    });
    expect(status).toBe(200);
    expect(json.data).toBeUndefined();
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].message).toContain('$oid');
  });
});

describe('GitHub GraphQL: connection limits and cost', () => {
  it('first above 100 is EXCESSIVE_PAGINATION, with GitHub`s message; 100 is fine', async () => {
    const query = `{ repository(owner: "gitops", name: "config-dev") { pullRequests(first: 101) { totalCount } } }`;
    const { status, json } = await post({ query });
    expect(status).toBe(200);
    // the connection is non-null in GitHub's schema: the error nulls the repository
    expect(json).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'EXCESSIVE_PAGINATION',
          path: ['repository', 'pullRequests'],
          locations: [at(query, 'pullRequests')],
          message:
            'Requesting 101 records on the `pullRequests` connection exceeds the `first` limit of 100 records.',
        },
      ],
    });
    const ok = await post({ query: query.replace('101', '100') });
    expect(ok.json).toEqual({
      // no `states`: every pull request (5 open, 1 merged)
      data: { repository: { pullRequests: { totalCount: 6 } } },
    });
  });

  it('a connection without first or last is MISSING_PAGINATION_BOUNDARIES', async () => {
    const query = `{ repository(owner: "gitops", name: "config-dev") { defaultBranchRef { target { ... on Commit { history { totalCount } } } } } }`;
    const { json } = await post({ query });
    expect(json.errors).toEqual([
      {
        type: 'MISSING_PAGINATION_BOUNDARIES',
        path: ['repository', 'defaultBranchRef', 'target', 'history'],
        locations: [at(query, 'history')],
        message:
          'You must provide a `first` or `last` value to properly paginate the `history` connection.',
      },
    ]);
  });

  it("charges GitHub's cost (requests / 100, at least 1) to the graphql bucket", async () => {
    const nested = (alias: string) =>
      `${alias}: history(first: 100) { nodes { parents(first: 100) { totalCount } } }`;
    const query = `{ repository(owner: "gitops", name: "config-dev") { defaultBranchRef { target { ... on Commit {
      ${nested('a')} ${nested('b')} } } } }
      rateLimit { cost nodeCount limit used remaining } }`;
    const { json, headers } = await post({ query });
    expect(json.errors).toBeUndefined();
    // 2 x (1 request for history + 100 for the parents of its nodes) = 202 -> 2 points
    expect(json.data.rateLimit).toMatchObject({
      cost: 2,
      nodeCount: 2 * (100 + 100 * 100),
      limit: 5000,
    });
    expect(headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(Number(headers.get('x-ratelimit-remaining'))).toBe(
      json.data.rateLimit.remaining,
    );
    expect(json.data.rateLimit.used + json.data.rateLimit.remaining).toBe(5000);
  });
});

describe('GitHub GraphQL: authentication, with the REST side`s token rules', () => {
  it('401 Bad credentials for a wrong token, on GraphQL as on REST', async () => {
    const { status, json, headers } = await post(
      { query: '{ rateLimit { remaining } }' },
      'bearer nope',
    );
    expect(status).toBe(401);
    expect(json).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/graphql',
    });
    expect(headers.get('x-github-request-id')).toBeTruthy();
    const rest = await fetch(`${gh.apiBaseUrl}/user`, {
      headers: { authorization: 'token nope' },
    });
    expect(rest.status).toBe(401);
  });

  it('401 without credentials; `token X` works like `bearer X`', async () => {
    const { status, json } = await post(
      { query: '{ rateLimit { remaining } }' },
      null,
    );
    expect(status).toBe(401);
    expect(json).toEqual({
      message: 'This endpoint requires you to be authenticated.',
      documentation_url:
        'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql',
    });
    const ok = await post(
      { query: '{ rateLimit { limit } }' },
      `token ${TEST_GITHUB_TOKEN}`,
    );
    expect(ok.json).toEqual({ data: { rateLimit: { limit: 5000 } } });
  });

  it('an installation token sees its repositories only: others are NOT_FOUND, as REST 404s', async () => {
    const created = await fetch(
      `${gh.apiBaseUrl}/app/installations/7/access_tokens`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${appJwt()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ repositories: ['config-dev'] }),
      },
    );
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const { json } = await post(
      {
        query: `{ dev: repository(owner: "gitops", name: "config-dev") { name } prod: repository(owner: "gitops", name: "config-prod") { name } }`,
      },
      `token ${token}`,
    );
    expect(json.data).toEqual({ dev: { name: 'config-dev' }, prod: null });
    expect(json.errors.map((e: any) => e.type)).toEqual(['NOT_FOUND']);
    const rest = await fetch(`${gh.apiBaseUrl}/repos/gitops/config-prod`, {
      headers: { authorization: `token ${token}` },
    });
    expect(rest.status).toBe(404);
    // the App's JWT itself is not for the GraphQL API
    const asApp = await post(
      { query: '{ rateLimit { limit } }' },
      `Bearer ${appJwt()}`,
    );
    expect(asApp.status).toBe(403);
  });
});

describe('GitHub GraphQL: malformed requests', () => {
  it('a syntax error is HTTP 200 with errors only', async () => {
    const { status, json } = await post({ query: '{ repository(owner: ' });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(['errors']);
    expect(json.errors[0]).toMatchObject({
      locations: [{ line: 1, column: expect.any(Number) }],
      message: expect.stringContaining('Syntax Error'),
    });
  });

  it('a validation error (unknown field, missing argument) is HTTP 200 with errors only', async () => {
    const { status, json } = await post({
      query: `{ repository(owner: "gitops", name: "config-dev") { stargazerCount } viewer { login } }`,
    });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(['errors']);
    expect(json.errors.map((e: any) => e.message)).toEqual([
      'Cannot query field "stargazerCount" on type "Repository".',
      'Cannot query field "viewer" on type "Query".',
    ]);
    const missing = await post({
      query: `{ repository(owner: "gitops") { name } }`,
    });
    expect(Object.keys(missing.json)).toEqual(['errors']);
  });

  it('a body without a query string, or not JSON', async () => {
    const noQuery = await post({ variables: {} });
    expect(noQuery.json).toEqual({
      errors: [
        {
          message: 'A query attribute must be specified and must be a string.',
        },
      ],
    });
    const notJson = await post('{"query": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json).toEqual({
      message: 'Problems parsing JSON',
      documentation_url: 'https://docs.github.com/graphql',
    });
  });

  it('follows a renamed repository unless followRenames is false', async () => {
    const renamed = await gh.octokit.repos.update({
      owner: 'gitops',
      repo: 'secrets',
      name: 'secrets-v2',
    });
    expect(renamed.data.full_name).toBe('gitops/secrets-v2');
    const { json } = await post({
      query: `{ a: repository(owner: "gitops", name: "secrets") { nameWithOwner } b: repository(owner: "gitops", name: "secrets", followRenames: false) { nameWithOwner } }`,
    });
    expect(json.data).toEqual({
      a: { nameWithOwner: 'gitops/secrets-v2' },
      b: null,
    });
    expect(json.errors.map((e: any) => [e.type, e.path])).toEqual([
      ['NOT_FOUND', ['b']],
    ]);
  });
});

describe('GitHub GraphQL: the primary rate limit', () => {
  it('answers RATE_LIMITED (HTTP 200, x-ratelimit-remaining: 0) once the bucket is empty; REST has its own', async () => {
    const small = await startTestGitHub(graphqlSeeds(), { rateLimit: 2 });
    try {
      const query = { query: '{ rateLimit { cost remaining used } }' };
      const anonymous = await post(query, null, small.baseUrl);
      expect(anonymous.status).toBe(401); // not charged
      const one = await post(
        query,
        `bearer ${TEST_GITHUB_TOKEN}`,
        small.baseUrl,
      );
      expect(one.json.data.rateLimit).toEqual({
        cost: 1,
        remaining: 1,
        used: 1,
      });
      const two = await post(
        query,
        `bearer ${TEST_GITHUB_TOKEN}`,
        small.baseUrl,
      );
      expect(two.json.data.rateLimit.remaining).toBe(0);
      const three = await post(
        query,
        `bearer ${TEST_GITHUB_TOKEN}`,
        small.baseUrl,
      );
      expect(three.status).toBe(200);
      expect(three.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(three.headers.get('x-ratelimit-resource')).toBe('graphql');
      expect(three.json).toEqual({
        errors: [
          {
            type: 'RATE_LIMITED',
            message: expect.stringMatching(
              /^API rate limit exceeded for user ID \d+\.$/,
            ),
          },
        ],
      });
      // Octokit's graphql raises it as a GraphqlResponseError
      const err = await small.octokit.graphql('{ rateLimit { limit } }').then(
        () => undefined,
        e => e,
      );
      expect(err?.errors?.[0]?.type).toBe('RATE_LIMITED');
      // REST's core bucket is separate; GET /rate_limit reports both
      const limits = await small.octokit.rateLimit.get();
      expect(limits.data.resources.graphql).toMatchObject({
        limit: 2,
        used: 2,
        remaining: 0,
      });
      expect(limits.data.resources.core.remaining).toBe(2);
    } finally {
      await small.close();
    }
  });
});

describe('GitHub GraphQL in the sandbox: request counting and fault injection', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.stop());

  const control = (path: string, init?: RequestInit) =>
    fetch(`${sb.urls.control}${path}`, init);
  const addFault = async (fault: Record<string, unknown>) => {
    const res = await control('/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upstream: 'github', ...fault }),
    });
    expect(res.status).toBe(201);
  };
  const query = { query: '{ rateLimit { limit } }' };
  const send = () =>
    post(query, auth.github.authorization, sb.urls.github).catch(
      () => undefined,
    );
  const raw = () =>
    fetch(`${sb.urls.github}/api/graphql`, {
      method: 'POST',
      headers: { ...auth.github, 'content-type': 'application/json' },
      body: JSON.stringify(query),
    });

  it('counts each POST as one request on route POST /api/graphql (GET /requests)', async () => {
    await control('/requests', { method: 'DELETE' });
    const octokit = new Octokit({
      baseUrl: `${sb.urls.github}/api/v3`,
      auth: auth.github.authorization.replace(/^token /, ''),
    });
    await octokit.graphql('{ rateLimit { limit } }');
    await send();
    await send();
    const counts = (await (await control('/requests')).json()) as {
      upstreams: Record<
        string,
        { total: number; routes: Record<string, number> }
      >;
    };
    expect(counts.upstreams.github.routes).toEqual({ 'POST /api/graphql': 3 });
    expect(counts.upstreams.github.total).toBe(3);
  });

  it('injects latency, 500, 502 and a rate-limit 403 on the route', async () => {
    await addFault({
      pathPattern: '^/api/graphql',
      kind: 'latency',
      latencyMs: 300,
      once: true,
    });
    const t0 = Date.now();
    const slow = await raw();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(slow.status).toBe(200);

    for (const status of [500, 502]) {
      await addFault({
        pathPattern: '^/api/graphql',
        kind: 'error',
        status,
        once: true,
      });
      expect((await raw()).status).toBe(status);
    }

    await addFault({
      pathPattern: '^/api/graphql',
      kind: 'error',
      status: 403,
      once: true,
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-resource': 'graphql',
      },
      body: JSON.stringify({
        message: 'API rate limit exceeded for user ID 1.',
        documentation_url: 'https://docs.github.com/graphql',
      }),
    });
    const octokit = new Octokit({
      baseUrl: `${sb.urls.github}/api/v3`,
      auth: auth.github.authorization.replace(/^token /, ''),
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const err = await octokit.graphql('{ rateLimit { limit } }').then(
      () => undefined,
      e => e,
    );
    expect(err?.status).toBe(403);
    expect(err?.response?.headers['x-ratelimit-remaining']).toBe('0');
    // faults were `once`: the endpoint answers again
    expect((await raw()).status).toBe(200);
  });
});
