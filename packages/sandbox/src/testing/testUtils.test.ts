import {
  failure,
  injectFault,
  injectGitHubFault,
  startTestGitHub,
  startTestSandbox,
  testSeeds,
  writes,
  type TestGitHub,
} from '.';

describe('startTestGitHub', () => {
  let github: TestGitHub;
  beforeAll(async () => {
    github = await startTestGitHub();
  });
  afterAll(() => github.close());
  beforeEach(() => github.reset(testSeeds()));

  it('serves the seeds on a free port and logs each request', async () => {
    expect(github.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(github.host).not.toBe('127.0.0.1:7105');
    const { data } = await github.octokit.repos.get({
      owner: 'stakater',
      repo: 'xposer',
    });
    expect(data.default_branch).toBe('master');
    expect(github.requests).toEqual(['GET /api/v3/repos/stakater/xposer']);
    expect(github.counter.count('github')).toBe(1);
  });

  it('answers an injected fault as many times as asked, then the real answer', async () => {
    injectGitHubFault(github, {
      kind: 'error',
      status: 502,
      method: 'GET',
      pathPattern: '/repos/stakater/xposer$',
      times: 1,
    });
    const get = () =>
      github.octokit.repos.get({ owner: 'stakater', repo: 'xposer' });
    expect((await failure(get())).status).toBe(502);
    expect((await get()).status).toBe(200);
  });

  it('lists writes only', async () => {
    const sha = github.store.commitSha('stakater', 'xposer', 'x2');
    if (!sha) throw new Error('seed x2 missing');
    await github.octokit.git.createRef({
      owner: 'stakater',
      repo: 'xposer',
      ref: 'refs/heads/topic',
      sha,
    });
    expect(writes(github.requests)).toEqual([
      'POST /api/v3/repos/stakater/xposer/git/refs',
    ]);
  });

  it('reset forgets requests and faults', async () => {
    injectGitHubFault(github, { kind: 'error', status: 500 });
    await github.reset(testSeeds());
    expect(github.requests).toEqual([]);
    expect(github.faults.list()).toEqual([]);
    expect(
      (await github.octokit.repos.get({ owner: 'stakater', repo: 'xposer' }))
        .status,
    ).toBe(200);
  });
});

describe('injectFault', () => {
  it('refuses an upstream the sandbox does not have', () => {
    const faults = { add: jest.fn() };
    expect(() =>
      injectFault({ faults } as never, { upstream: 'gitlab', kind: 'error' }),
    ).toThrow(/unknown upstream 'gitlab'/);
    expect(faults.add).not.toHaveBeenCalled();
  });

  it('injects into a running sandbox', async () => {
    const sandbox = await startTestSandbox();
    try {
      injectFault(sandbox, {
        upstream: 'nexus',
        kind: 'error',
        status: 503,
        once: true,
      });
      const url = `${sandbox.urls.nexus}/service/rest/v1/status`;
      expect((await fetch(url)).status).toBe(503);
      expect((await fetch(url)).status).not.toBe(503);
    } finally {
      await sandbox.stop();
    }
  });
});
