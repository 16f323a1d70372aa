import { ServiceUnavailableError } from '@backstage/errors';
import {
  injectGitHubFault,
  startTestGitHub,
  TEST_GITHUB_TOKEN,
  testSeeds,
  type TestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import {
  createConfigRepoOctokit,
  type ConfigRepoRequestOptions,
} from './createConfigRepoOctokit';
import type { ConfigRepoTarget } from './configRepoTarget';

describe('createConfigRepoOctokit against the sandbox GitHub', () => {
  let github: TestGitHub;
  beforeAll(async () => {
    github = await startTestGitHub();
  });
  afterAll(() => github.close());
  beforeEach(() => github.reset(testSeeds()));

  const octokit = (
    options: ConfigRepoRequestOptions = {},
    target: Partial<ConfigRepoTarget> = {},
  ) =>
    createConfigRepoOctokit(
      {
        owner: 'gitops',
        repo: 'config-dev',
        apiBaseUrl: github.apiBaseUrl,
        token: TEST_GITHUB_TOKEN,
        timeoutMs: 300,
        ...target,
      },
      { backoffMs: 1, ...options },
    );
  const hits = (line: RegExp) => github.requests.filter(r => line.test(r));
  const getRepo = (o: ReturnType<typeof octokit>) =>
    o.rest.repos.get({ owner: 'gitops', repo: 'config-dev' });

  it('retries a read after a 502 up to readAttempts, then answers', async () => {
    injectGitHubFault(github, {
      kind: 'error',
      status: 502,
      method: 'GET',
      times: 2,
    });
    const { status } = await getRepo(octokit({ readAttempts: 3 }));
    expect(status).toBe(200);
    expect(hits(/^GET \/api\/v3\/repos\/gitops\/config-dev$/)).toHaveLength(3);
  });

  it('sends a read once by default and a write exactly once', async () => {
    injectGitHubFault(github, { kind: 'error', status: 502 });
    await expect(getRepo(octokit())).rejects.toMatchObject({ status: 502 });
    await expect(
      octokit({ readAttempts: 3 }).rest.git.createRef({
        owner: 'gitops',
        repo: 'config-dev',
        ref: 'refs/heads/x',
        sha: '0'.repeat(40),
      }),
    ).rejects.toMatchObject({ status: 502 });
    expect(github.requests).toEqual([
      'GET /api/v3/repos/gitops/config-dev',
      'POST /api/v3/repos/gitops/config-dev/git/refs',
    ]);
  });

  it('a read that never answers fails within the timeout, naming the request', async () => {
    injectGitHubFault(github, { kind: 'hang', method: 'GET' });
    const started = Date.now();
    const error = await getRepo(octokit({ readAttempts: 2 })).catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe(
      'GitHub did not answer GET /repos/gitops/config-dev within 300 ms',
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(hits(/^GET /)).toHaveLength(2);
  });

  it('a redirect is an error and is not followed', async () => {
    injectGitHubFault(github, {
      kind: 'respond',
      status: 307,
      headers: { location: `${github.apiBaseUrl}/repos/stakater/xposer` },
      pathPattern: 'config-dev$',
    });
    await expect(getRepo(octokit())).rejects.toThrow(
      /with a redirect \(307\); redirects are not followed/,
    );
    expect(hits(/stakater/)).toEqual([]);
  });

  it('waits out one rate limit on a read, never on a write', async () => {
    const rateLimited = {
      kind: 'error' as const,
      status: 429,
      headers: { 'retry-after': '0' },
      body: '{"message":"API rate limit exceeded"}',
    };
    injectGitHubFault(github, { ...rateLimited, method: 'GET', times: 1 });
    expect((await getRepo(octokit())).status).toBe(200);
    expect(hits(/^GET /)).toHaveLength(2);

    injectGitHubFault(github, { ...rateLimited, method: 'POST', times: 1 });
    await expect(
      octokit().rest.git.createRef({
        owner: 'gitops',
        repo: 'config-dev',
        ref: 'refs/heads/x',
        sha: '0'.repeat(40),
      }),
    ).rejects.toThrow(
      /rate limited a POST on gitops\/config-dev; it was not retried/,
    );
    expect(hits(/^POST /)).toHaveLength(1);
  });

  it('refuses a rate limit longer than it may wait, without waiting', async () => {
    injectGitHubFault(github, {
      kind: 'error',
      status: 403,
      headers: { 'retry-after': '3600' },
      body: '{"message":"secondary rate limit"}',
    });
    await expect(getRepo(octokit())).rejects.toThrow(
      'GitHub rate limit exhausted for 3600 s; try again later',
    );
    expect(hits(/^GET /)).toHaveLength(1);
  });

  it('asks getToken per request when there is no static token', async () => {
    const getToken = jest.fn(async () => TEST_GITHUB_TOKEN);
    const o = octokit({}, { token: undefined, getToken });
    await getRepo(o);
    await getRepo(o);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(github.seen.map(r => r.authScheme)).toEqual(['token', 'token']);
  });
});
