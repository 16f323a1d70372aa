import { startTestGitHub, TestGitHub, TEST_GITHUB_TOKEN } from '../testing';
import { headerNames, recorded, shapeDiff } from '../testing/githubRecorded';

/**
 * Contract test against real recorded api.github.com traffic (@octokit/fixtures): the sandbox's
 * answer for the same kind of request has the same fields with the same JSON types.
 */
describe('GitHub simulator vs recorded GitHub responses', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());

  /** Real fields the sandbox does not model (fork networks, security settings, ...). */
  const ignore = new Set([
    'security_and_analysis',
    'custom_properties',
    'parent',
    'source',
  ]);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${gh.apiBaseUrl}${path}`, {
      ...init,
      headers: {
        authorization: `token ${TEST_GITHUB_TOKEN}`,
        'content-type': 'application/json',
        ...(init.headers ?? {}),
      },
    });

  it('GET /repos/{o}/{r} (get-repository)', async () => {
    const [real] = recorded('octokit-fixtures/get-repository.raw.json');
    const res = await api('/repos/stakater/xposer');
    expect(res.status).toBe(real.status);
    expect(shapeDiff(real.response, await res.json(), ignore)).toEqual([]);
  });

  it('POST /orgs/{org}/repos with the recorded headers (createInOrg)', async () => {
    const [real] = recorded(
      'post-orgs-org-repos-201.createInOrg.recorded.json',
    );
    const res = await api('/orgs/stakater/repos', {
      method: 'POST',
      body: JSON.stringify({ name: 'recorded' }),
    });
    expect(res.status).toBe(201);
    expect(shapeDiff(real.response, await res.json(), ignore)).toEqual([]);
    const wanted = [
      'content-type',
      'etag',
      'location',
      'x-github-media-type',
      'x-github-request-id',
      'x-oauth-scopes',
    ].concat(headerNames(real).filter(h => h.startsWith('x-ratelimit-')));
    expect(wanted.filter(h => !res.headers.has(h))).toEqual([]);
  });

  it('GET contents: directory listing and raw media type (get-content)', async () => {
    const [dir, raw] = recorded('octokit-fixtures/get-content.raw.json');
    const listing = await api('/repos/stakater/xposer/contents/');
    expect(shapeDiff(dir.response, await listing.json(), ignore)).toEqual([]);
    const file = await api('/repos/stakater/xposer/contents/README.md', {
      headers: { accept: 'application/vnd.github.v3.raw' },
    });
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.github.v3.raw; charset=utf-8',
    );
    expect(typeof raw.response).toBe('string');
    expect(await file.text()).toBe('# xposer\n');
  });

  it('PUT contents (create-file)', async () => {
    const [real] = recorded('octokit-fixtures/create-file.raw.json').filter(
      c => c.method === 'put',
    );
    const res = await api('/repos/stakater/xposer/contents/test.txt', {
      method: 'PUT',
      body: JSON.stringify({
        message: 'create test.txt',
        content: 'VGVzdCBjb250ZW50',
      }),
    });
    expect(res.status).toBe(real.status);
    expect(shapeDiff(real.response, await res.json(), ignore)).toEqual([]);
  });

  it('git refs: list, create, update, delete (git-refs)', async () => {
    const calls = recorded('octokit-fixtures/git-refs.raw.json').filter(c =>
      c.path.includes('/git/refs'),
    );
    const main = await (
      await api('/repos/gitops/config-dev/git/ref/heads/main')
    ).json();
    const p1 = gh.store.commitSha('gitops', 'config-dev', 'p1');
    const ours = [
      await api('/repos/gitops/config-dev/git/refs/'),
      await api('/repos/gitops/config-dev/git/refs', {
        method: 'POST',
        body: JSON.stringify({ ref: 'refs/heads/test', sha: main.object.sha }),
      }),
      await api('/repos/gitops/config-dev/git/refs/heads/test', {
        method: 'PATCH',
        body: JSON.stringify({ sha: p1 }),
      }),
      await api('/repos/gitops/config-dev/git/refs/'),
      await api('/repos/gitops/config-dev/git/refs/heads/test', {
        method: 'DELETE',
      }),
    ];
    expect(ours.map(r => r.status)).toEqual(calls.map(c => c.status));
    for (let i = 0; i < 4; i++) {
      expect(
        shapeDiff(calls[i].response, await ours[i].json(), ignore),
      ).toEqual([]);
    }
  });
});

describe('repository rename (rename-repository)', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());

  it('renames, redirects the old name with 301/307 like GitHub, and serves /repositories/{id}', async () => {
    const calls = recorded('octokit-fixtures/rename-repository.raw.json');
    const renamed = await gh.octokit.repos.update({
      owner: 'stakater',
      repo: 'xposer',
      name: 'xposer-renamed',
      description: 'renamed',
    });
    expect(renamed.data).toMatchObject({
      name: 'xposer-renamed',
      full_name: 'stakater/xposer-renamed',
      description: 'renamed',
    });
    expect(
      shapeDiff(
        calls[1].response,
        renamed.data,
        new Set(['security_and_analysis', 'custom_properties']),
      ),
    ).toEqual([]);

    const headers = { authorization: `token ${TEST_GITHUB_TOKEN}` };
    const moved = await fetch(`${gh.apiBaseUrl}/repos/stakater/xposer`, {
      headers,
      redirect: 'manual',
    });
    expect(moved.status).toBe(calls[2].status);
    const body = await moved.json();
    expect(Object.keys(body).sort()).toEqual(
      Object.keys(calls[2].response as object).sort(),
    );
    expect(moved.headers.get('location')).toBe(
      `${gh.apiBaseUrl}/repositories/${renamed.data.id}`,
    );

    // Octokit follows the redirect transparently, for reads and (307) writes.
    expect(
      (await gh.octokit.repos.get({ owner: 'stakater', repo: 'xposer' })).data
        .name,
    ).toBe('xposer-renamed');
    const patched = await gh.octokit.repos.update({
      owner: 'stakater',
      repo: 'xposer',
      homepage: 'https://x',
    });
    expect(patched.data.homepage).toBe('https://x');
    const file = await gh.octokit.repos.getContent({
      owner: 'stakater',
      repo: 'xposer',
      path: 'README.md',
    });
    expect(Array.isArray(file.data)).toBe(false);
  });
});
