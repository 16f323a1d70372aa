import {
  failure,
  startTestGitHub,
  TestGitHub,
  TEST_GITHUB_TOKEN,
} from '../testing';

describe('GitHub simulator: auth, headers, users, repos', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());

  describe('authentication', () => {
    it('rejects a wrong token with Bad credentials', async () => {
      const res = await fetch(`${gh.apiBaseUrl}/user`, {
        headers: { authorization: 'token nope' },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        message: 'Bad credentials',
        documentation_url: expect.any(String),
      });
      expect(res.headers.get('x-ratelimit-limit')).toBe('5000');
    });

    it('rejects a missing token', async () => {
      const res = await fetch(`${gh.apiBaseUrl}/repos/stakater/xposer`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        message: 'Requires authentication',
      });
    });

    it('accepts token and Bearer schemes', async () => {
      for (const scheme of ['token', 'Bearer']) {
        const res = await fetch(`${gh.apiBaseUrl}/user`, {
          headers: { authorization: `${scheme} ${TEST_GITHUB_TOKEN}` },
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({
          login: 'delivery-bot',
          type: 'User',
        });
      }
    });
  });

  describe('headers and conditional requests', () => {
    it('sends rate-limit headers, a request id and an etag; a 304 does not count', async () => {
      const headers = { authorization: `token ${TEST_GITHUB_TOKEN}` };
      const first = await fetch(`${gh.apiBaseUrl}/repos/stakater/xposer`, {
        headers,
      });
      expect(first.status).toBe(200);
      for (const h of [
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-ratelimit-used',
        'x-ratelimit-resource',
        'x-github-request-id',
      ]) {
        expect(first.headers.get(h)).toBeTruthy();
      }
      const etag = first.headers.get('etag')!;
      const remaining = Number(first.headers.get('x-ratelimit-remaining'));
      const second = await fetch(`${gh.apiBaseUrl}/repos/stakater/xposer`, {
        headers: { ...headers, 'if-none-match': etag },
      });
      expect(second.status).toBe(304);
      expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(
        remaining,
      );
      const third = await fetch(`${gh.apiBaseUrl}/repos/stakater/xposer`, {
        headers,
      });
      expect(Number(third.headers.get('x-ratelimit-remaining'))).toBe(
        remaining - 1,
      );
    });

    it('answers Octokit conditional requests with 304', async () => {
      const first = await gh.octokit.repos.get({
        owner: 'stakater',
        repo: 'xposer',
      });
      const err = await failure(
        gh.octokit.repos.get({
          owner: 'stakater',
          repo: 'xposer',
          headers: { 'if-none-match': first.headers.etag! },
        }),
      );
      expect(err.status).toBe(304);
    });

    it('answers unknown API paths with GitHub 404 bodies', async () => {
      const res = await fetch(`${gh.apiBaseUrl}/nope`, {
        headers: { authorization: `token ${TEST_GITHUB_TOKEN}` },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ message: 'Not Found' });
    });
  });

  describe('users and orgs', () => {
    it('serves orgs and users', async () => {
      const org = await gh.octokit.orgs.get({ org: 'gitops' });
      expect(org.data).toMatchObject({
        login: 'gitops',
        type: 'Organization',
        html_url: `${gh.baseUrl}/gitops`,
      });
      const user = await gh.octokit.users.getByUsername({
        username: 'stakater',
      });
      expect(user.data.type).toBe('Organization');
      expect(
        (await failure(gh.octokit.orgs.get({ org: 'missing' }))).status,
      ).toBe(404);
    });
  });

  describe('repositories', () => {
    it('gets a repository with GHE urls', async () => {
      const { data } = await gh.octokit.repos.get({
        owner: 'stakater',
        repo: 'xposer',
      });
      expect(data).toMatchObject({
        full_name: 'stakater/xposer',
        default_branch: 'master',
        html_url: `${gh.baseUrl}/stakater/xposer`,
        url: `${gh.apiBaseUrl}/repos/stakater/xposer`,
        owner: { login: 'stakater', type: 'Organization' },
      });
      expect(gh.store.htmlUrl('stakater', 'xposer')).toBe(data.html_url);
      expect(
        (
          await failure(
            gh.octokit.repos.get({ owner: 'stakater', repo: 'nope' }),
          )
        ).status,
      ).toBe(404);
    });

    it('creates org repositories with auto_init and rejects taken names', async () => {
      const res = await gh.octokit.repos.createInOrg({
        org: 'stakater',
        name: 'new-svc',
        auto_init: true,
        description: 'New',
      });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(
        `${gh.apiBaseUrl}/repos/stakater/new-svc`,
      );
      expect(
        await gh.store.readFile('stakater', 'new-svc', 'main', 'README.md'),
      ).toBe('# new-svc\nNew\n');
      const err = await failure(
        gh.octokit.repos.createInOrg({ org: 'stakater', name: 'new-svc' }),
      );
      expect(err.status).toBe(422);
      expect(err.data).toMatchObject({
        message: 'Repository creation failed.',
        errors: [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name already exists on this account',
          },
        ],
      });
      expect(
        (
          await failure(
            gh.octokit.repos.createInOrg({ org: 'unknown-org', name: 'x' }),
          )
        ).status,
      ).toBe(404);
    });

    it('creates repositories for the authenticated user', async () => {
      const res = await gh.octokit.repos.createForAuthenticatedUser({
        name: 'mine',
        private: true,
      });
      expect(res.data).toMatchObject({
        full_name: 'delivery-bot/mine',
        private: true,
        visibility: 'private',
      });
      expect(
        (
          await failure(
            gh.octokit.repos.createForAuthenticatedUser({ name: 'mine' }),
          )
        ).status,
      ).toBe(422);
    });

    it('creates a repository from a template with the same files', async () => {
      const res = await gh.octokit.repos.createUsingTemplate({
        template_owner: 'stakater',
        template_repo: 'xposer',
        owner: 'stakater',
        name: 'from-template',
      });
      expect(res.status).toBe(201);
      expect(res.data.template_repository?.full_name).toBe('stakater/xposer');
      expect(
        await gh.store.readFile(
          'stakater',
          'from-template',
          'master',
          'Jenkinsfile',
        ),
      ).toBe('pipeline {}\n');
      const commits = await gh.octokit.repos.listCommits({
        owner: 'stakater',
        repo: 'from-template',
      });
      expect(commits.data.map(c => c.commit.message)).toEqual([
        'Initial commit',
      ]);
      const err = await failure(
        gh.octokit.repos.createUsingTemplate({
          template_owner: 'stakater',
          template_repo: 'xposer',
          owner: 'stakater',
          name: 'from-template',
        }),
      );
      expect(err.status).toBe(422);
    });

    it('gets branches, including names with slashes', async () => {
      const { data } = await gh.octokit.repos.getBranch({
        owner: 'gitops',
        repo: 'config-dev',
        branch: 'promote/xposer-0.0.20',
      });
      expect(data.name).toBe('promote/xposer-0.0.20');
      expect(data.commit.sha).toBe(
        gh.store.commitSha('gitops', 'config-dev', 'p1'),
      );
      expect(
        (
          await failure(
            gh.octokit.repos.getBranch({
              owner: 'gitops',
              repo: 'config-dev',
              branch: 'nope',
            }),
          )
        ).status,
      ).toBe(404);
    });

    it('paginates lists with Link headers', async () => {
      for (let i = 0; i < 4; i++) {
        await gh.store.commitFiles('stakater', 'xposer', 'master', `c${i}`, {
          [`f${i}.txt`]: `${i}\n`,
        });
      }
      const page1 = await gh.octokit.repos.listCommits({
        owner: 'stakater',
        repo: 'xposer',
        per_page: 2,
      });
      expect(page1.data).toHaveLength(2);
      expect(page1.headers.link).toContain('rel="next"');
      const all = await gh.octokit.paginate(gh.octokit.repos.listCommits, {
        owner: 'stakater',
        repo: 'xposer',
        per_page: 2,
      });
      expect(all.map(c => c.commit.message)).toEqual([
        'c3',
        'c2',
        'c1',
        'c0',
        'Add chart',
        'Initial commit',
      ]);
    });
  });
});
