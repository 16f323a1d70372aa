import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestGitHub, TestGitHub, TEST_GITHUB_TOKEN } from '../testing';
import { deliveryQuery, graphqlSeeds } from './graphqlSeeds';

// The GraphQL endpoint answers what the REST endpoints answer for the same data: every
// expectation below is read back through REST (Octokit) over HTTP, not written down.

let gh: TestGitHub;
beforeAll(async () => {
  gh = await startTestGitHub(graphqlSeeds());
});
afterAll(() => gh.close());

async function post(
  body: unknown,
  path = '/api/graphql',
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${gh.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `bearer ${TEST_GITHUB_TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

const fromBase64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

async function restFile(repo: string, path: string, ref: string) {
  const { data } = await gh.octokit.repos.getContent({
    owner: 'gitops',
    repo,
    path,
    ref,
  });
  const file = data as { sha: string; content: string };
  return { oid: file.sha, text: fromBase64(file.content) };
}

async function restCommits(repo: string, sha: string, path?: string) {
  const { data } = await gh.octokit.repos.listCommits({
    owner: 'gitops',
    repo,
    sha,
    path,
    per_page: 100,
  });
  return data;
}

async function restOpenPulls(repo: string) {
  const { data } = await gh.octokit.pulls.list({
    owner: 'gitops',
    repo,
    state: 'open',
    per_page: 100,
  });
  return data;
}

describe('GitHub GraphQL: the delivery view query answers what REST answers', () => {
  it('two config repos and a file at a commit, in one POST /api/graphql', async () => {
    const oldProd = gh.store.commitSha('gitops', 'config-prod', 'p1')!;
    const variables = {
      o0: 'gitops',
      n0: 'config-dev',
      b0: 'refs/heads/main',
      p0: 'app/values.yaml',
      o1: 'gitops',
      n1: 'config-prod',
      b1: 'main', // the short name works too
      p1: 'app/values.yaml',
      o2: 'gitops',
      n2: 'config-prod',
      s2: oldProd,
      p2: 'app/values.yaml',
    };
    gh.counter.reset();
    const { status, json } = await post({ query: deliveryQuery, variables });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(gh.counter.snapshot().upstreams.github.routes).toEqual({
      'POST /api/graphql': 1,
    });

    for (const [alias, repo, path] of [
      ['r0', 'config-dev', 'app/values.yaml'],
      ['r1', 'config-prod', 'app/values.yaml'],
    ] as const) {
      const r = json.data[alias];
      // branch head
      const { data: branch } = await gh.octokit.repos.getBranch({
        owner: 'gitops',
        repo,
        branch: 'main',
      });
      expect(r.ref.target.oid).toBe(branch.commit.sha);
      // file at the head = contents, base64-decoded
      const head = await restFile(repo, path, 'main');
      expect(r.ref.target.file).toEqual({
        oid: head.oid,
        object: {
          text: head.text,
          isTruncated: false,
          byteSize: Buffer.byteLength(head.text),
        },
      });
      // history(path) = commits?path=, in order, with the same fields
      const pins = await restCommits(repo, 'main', path);
      expect(pins.length).toBeGreaterThan(1);
      expect(r.ref.target.pins.nodes.map((n: any) => n.oid)).toEqual(
        pins.map(c => c.sha),
      );
      r.ref.target.pins.nodes.forEach((n: any, i: number) => {
        expect(n.message).toBe(pins[i].commit.message);
        expect(n.committedDate).toBe(pins[i].commit.committer!.date);
        expect(n.url).toBe(pins[i].html_url);
        expect(n.author.name).toBe(pins[i].commit.author!.name);
        expect(n.parents.nodes.map((p: any) => p.oid)).toEqual(
          pins[i].parents.map(p => p.sha),
        );
      });
      // open pull requests = pulls?state=open (newest first)
      const pulls = await restOpenPulls(repo);
      expect(r.pullRequests.pageInfo.hasNextPage).toBe(false);
      expect(r.pullRequests.nodes).toEqual(
        pulls.map(p => ({
          number: p.number,
          url: p.html_url,
          title: p.title,
          headRefName: p.head.ref,
          createdAt: p.created_at,
          author: { login: p.user!.login },
        })),
      );
    }

    // the file at every pinned commit, and the recent history with its file
    const dev = json.data.r0.ref.target;
    for (const n of dev.pins.nodes) {
      const f = await restFile('config-dev', 'app/values.yaml', n.oid);
      expect(n.file).toEqual({
        oid: f.oid,
        object: { text: f.text, isTruncated: false },
      });
    }
    const recent = await restCommits('config-dev', 'main');
    expect(dev.recent.nodes.map((n: any) => n.oid)).toEqual(
      recent.slice(0, 20).map(c => c.sha),
    );
    expect(dev.recent.nodes.length).toBeGreaterThan(dev.pins.nodes.length);
    // like `git log -- path`: the pull request's own commit is a pin, its merge commit (which took
    // the file from that commit) and the "other" bumps are not; all are in the recent history
    const pinned = dev.pins.nodes.map((n: any) => n.oid);
    const merge = gh.store.commitSha('gitops', 'config-dev', 'd4')!;
    const mergeCommit = recent.find(c => c.sha === merge)!;
    expect(pinned).toContain(mergeCommit.parents[1].sha);
    expect(pinned).not.toContain(merge);
    expect(pinned).not.toContain(
      gh.store.commitSha('gitops', 'config-dev', 'd5'),
    );
    expect(dev.recent.nodes.map((n: any) => n.oid)).toContain(merge);

    // the file alias: a file at a given commit
    const old = await restFile('config-prod', 'app/values.yaml', oldProd);
    expect(json.data.f2).toEqual({
      object: {
        oid: oldProd,
        file: { oid: old.oid, object: { text: old.text, isTruncated: false } },
      },
    });
    expect(old.text).toContain('tag: v1');

    expect(json.data.rateLimit).toEqual({
      cost: 1,
      remaining: expect.any(Number),
      resetAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
  });

  it("runs the README's contract query verbatim, without errors", async () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    const query = /```graphql\n([\s\S]*?)```/.exec(readme)![1];
    expect(query).toContain('query DeliveryConfigRepos(');
    const sha = gh.store.commitSha('gitops', 'config-prod', 'p2')!;
    const { status, json } = await post({
      query,
      variables: {
        o0: 'gitops',
        n0: 'config-dev',
        b0: 'refs/heads/main',
        p0: 'app/values.yaml',
        o1: 'gitops',
        n1: 'config-prod',
        s1: sha,
        p1: 'app/values.yaml',
      },
    });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.r0.ref.target.pins.nodes.length).toBeGreaterThan(1);
    expect(json.data.r0.pullRequests.nodes).toHaveLength(5);
    expect(json.data.f1.object.oid).toBe(sha);
    expect(json.data.f1.object.file.object.text).toBe(
      (await restFile('config-prod', 'app/values.yaml', sha)).text,
    );
  });

  it('answers the same on POST /graphql (the api.github.com path)', async () => {
    const query = `{ repository(owner: "gitops", name: "config-dev") { nameWithOwner defaultBranchRef { name prefix target { oid } } } }`;
    const a = await post({ query });
    const b = await post({ query }, '/graphql');
    expect(b.status).toBe(200);
    expect(b.json).toEqual(a.json);
    expect(a.json.data.repository.defaultBranchRef).toEqual({
      name: 'main',
      prefix: 'refs/heads/',
      target: {
        oid: (await restCommits('config-dev', 'main'))[0].sha,
      },
    });
  });

  it('serves blobs as GitHub does: text null for binary, byteSize, object(expression)', async () => {
    const { json } = await post({
      query: `{
        repository(owner: "gitops", name: "config-dev") {
          logo: object(expression: "main:logo.png") { __typename ... on Blob { text isBinary byteSize } }
          dir: object(expression: "main:app") { __typename ... on Tree { entries { name path type mode } } }
          head: object(expression: "main") { __typename oid }
          missing: object(expression: "main:nope.txt") { oid }
        }
      }`,
    });
    const { data: raw } = await gh.octokit.git.getBlob({
      owner: 'gitops',
      repo: 'config-dev',
      file_sha: (await restFile('config-dev', 'logo.png', 'main')).oid,
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.repository.logo).toEqual({
      __typename: 'Blob',
      text: null,
      isBinary: true,
      byteSize: raw.size,
    });
    expect(json.data.repository.dir).toEqual({
      __typename: 'Tree',
      entries: [
        {
          name: 'values.yaml',
          path: 'app/values.yaml',
          type: 'blob',
          mode: 0o100644,
        },
      ],
    });
    expect(json.data.repository.head.__typename).toBe('Commit');
    expect(json.data.repository.missing).toBeNull();
  });

  it('lists pull requests by state, head and base as REST does', async () => {
    const { json } = await post({
      query: `{
        repository(owner: "gitops", name: "config-dev") {
          merged: pullRequests(states: [MERGED], first: 10) { totalCount nodes { number state headRefName author { login } } }
          open: pullRequests(states: [OPEN], first: 10) { totalCount nodes { number isDraft } }
          byHead: pullRequests(headRefName: "promote/other-o5", first: 10) { nodes { number headRefOid baseRefName } }
          all: pullRequests(first: 100) { totalCount }
        }
      }`,
    });
    expect(json.errors).toBeUndefined();
    const r = json.data.repository;
    const { data: all } = await gh.octokit.pulls.list({
      owner: 'gitops',
      repo: 'config-dev',
      state: 'all',
      per_page: 100,
    });
    const merged = all.filter(p => p.merged_at);
    expect(r.merged.nodes).toEqual(
      merged.map(p => ({
        number: p.number,
        state: 'MERGED',
        headRefName: p.head.ref,
        author: { login: p.user!.login },
      })),
    );
    // default order: oldest first
    const open = all
      .filter(p => p.state === 'open')
      .sort((a, b) => a.number - b.number);
    expect(r.open.nodes.map((n: any) => n.number)).toEqual(
      open.map(p => p.number),
    );
    expect(r.open.totalCount).toBe(5);
    const o5 = all.find(p => p.head.ref === 'promote/other-o5')!;
    expect(r.byHead.nodes).toEqual([
      { number: o5.number, headRefOid: o5.head.sha, baseRefName: 'main' },
    ]);
    expect(r.all.totalCount).toBe(all.length);
  });
});

describe("GitHub GraphQL: Octokit's own graphql client, unchanged", () => {
  it('derives /api/graphql from the /api/v3 baseUrl and reads the data', async () => {
    const before = gh.requests.length;
    const result = await gh.octokit.graphql<{
      repository: {
        ref: { target: { oid: string; history: { totalCount: number } } };
      };
    }>(
      `query($owner: String!, $name: String!, $ref: String!, $path: String!) {
        repository(owner: $owner, name: $name) {
          ref(qualifiedName: $ref) { target { oid ... on Commit { history(first: 1, path: $path) { totalCount } } } }
        }
      }`,
      {
        owner: 'gitops',
        name: 'config-dev',
        ref: 'refs/heads/main',
        path: 'app/values.yaml',
      },
    );
    expect(gh.requests.slice(before)).toEqual(['POST /api/graphql']);
    const head = (await restCommits('config-dev', 'main'))[0].sha;
    expect(result.repository.ref.target.oid).toBe(head);
    expect(result.repository.ref.target.history.totalCount).toBe(
      (await restCommits('config-dev', 'main', 'app/values.yaml')).length,
    );
  });

  it('raises GraphqlResponseError with the partial data on NOT_FOUND', async () => {
    const query = `{ a: repository(owner: "gitops", name: "config-dev") { name } b: repository(owner: "gitops", name: "nope") { name } }`;
    const err = await gh.octokit.graphql(query).then(
      () => undefined,
      e => e,
    );
    expect(err?.name).toBe('GraphqlResponseError');
    expect(err.data).toEqual({ a: { name: 'config-dev' }, b: null });
    expect(err.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['b'],
        locations: [{ line: 1, column: query.indexOf('b:') + 1 }],
        message:
          "Could not resolve to a Repository with the name 'gitops/nope'.",
      },
    ]);
  });
});

describe('GitHub GraphQL: paging with after', () => {
  it('walks pullRequests page by page to the same list as REST', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { json } = await post({
        query: `query($after: String) { repository(owner: "gitops", name: "config-dev") {
          pullRequests(states: [OPEN], first: 2, after: $after, orderBy: {field: CREATED_AT, direction: DESC}) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
            edges { cursor node { number } }
          } } }`,
        variables: { after },
      });
      expect(json.errors).toBeUndefined();
      const c = json.data.repository.pullRequests;
      pages++;
      expect(c.totalCount).toBe(5);
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(c.pageInfo.startCursor).toBe(c.edges[0].cursor);
      expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1].cursor);
      seen.push(...c.edges.map((e: any) => e.node.number));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(
      (await restOpenPulls('config-dev')).map(p => p.number),
    );
  });

  it('walks history(path) and history with after to the REST commit lists', async () => {
    for (const path of ['app/values.yaml', null]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { json } = await post({
          query: `query($after: String, $path: String) { repository(owner: "gitops", name: "config-dev") {
            ref(qualifiedName: "main") { target { ... on Commit {
              history(first: 2, after: $after, path: $path) { pageInfo { hasNextPage endCursor } nodes { oid } }
            } } } } }`,
          variables: { after, path },
        });
        expect(json.errors).toBeUndefined();
        const h = json.data.repository.ref.target.history;
        seen.push(...h.nodes.map((n: any) => n.oid));
        if (!h.pageInfo.hasNextPage) break;
        after = h.pageInfo.endCursor;
      }
      const rest = await restCommits('config-dev', 'main', path ?? undefined);
      expect(seen).toEqual(rest.map(c => c.sha));
    }
  });

  it('pages backwards with last and before, and refuses a cursor it did not give', async () => {
    const q = `query($before: String) { repository(owner: "gitops", name: "config-dev") {
      pullRequests(states: [OPEN], last: 2, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { number } } } }`;
    const first = await post({ query: q, variables: { before: null } });
    const open = (await restOpenPulls('config-dev'))
      .map(p => p.number)
      .sort((a, b) => a - b);
    const page1 = first.json.data.repository.pullRequests;
    expect(page1.nodes.map((n: any) => n.number)).toEqual(open.slice(-2));
    const second = await post({
      query: q,
      variables: { before: page1.pageInfo.startCursor },
    });
    expect(
      second.json.data.repository.pullRequests.nodes.map((n: any) => n.number),
    ).toEqual(open.slice(-4, -2));

    const badQuery = `{ repository(owner: "gitops", name: "config-dev") { pullRequests(first: 2, after: "bm9wZQ==") { totalCount } } }`;
    const bad = await post({ query: badQuery });
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'INVALID_CURSOR_ARGUMENTS',
          path: ['repository', 'pullRequests'],
          locations: [
            { line: 1, column: badQuery.indexOf('pullRequests') + 1 },
          ],
          message: '`bm9wZQ==` does not appear to be a valid cursor.',
        },
      ],
    });
  });
});
