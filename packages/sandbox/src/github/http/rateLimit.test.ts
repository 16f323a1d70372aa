import { failure, startTestGitHub, TestGitHub } from '../../testing';

describe('primary rate limit', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub(undefined, { rateLimit: 3 });
  });
  afterAll(() => gh.close());

  it('counts requests, answers 403 with remaining 0 when exhausted, and resets with the store', async () => {
    const first = await gh.octokit.users.getAuthenticated();
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    expect(first.headers['x-ratelimit-used']).toBe('1');
    const free = await gh.octokit.rateLimit.get();
    expect(free.data.rate).toMatchObject({ limit: 3, used: 1, remaining: 2 });
    await gh.octokit.users.getAuthenticated();
    await gh.octokit.users.getAuthenticated();
    const limited = await failure(gh.octokit.users.getAuthenticated());
    expect(limited.status).toBe(403);
    expect(limited.data).toMatchObject({
      message: expect.stringContaining('API rate limit exceeded'),
    });
    await gh.store.reset([]);
    expect(
      (await gh.octokit.users.getAuthenticated()).headers[
        'x-ratelimit-remaining'
      ],
    ).toBe('2');
  });
});
