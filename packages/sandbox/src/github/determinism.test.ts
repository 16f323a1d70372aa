import { startTestGitHub, TestGitHub } from '../testing';

/** Same dated seeds -> byte-identical API answers (ids, shas, dates), apart from host/port. */
describe('determinism', () => {
  let a: TestGitHub;
  let b: TestGitHub;
  beforeAll(async () => {
    a = await startTestGitHub();
    b = await startTestGitHub();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('answers identically for identical seeds', async () => {
    const snapshot = async (gh: TestGitHub) => {
      const repo = { owner: 'gitops', repo: 'config-dev' };
      const bodies = [
        (await gh.octokit.repos.get({ owner: 'stakater', repo: 'xposer' }))
          .data,
        (await gh.octokit.pulls.list({ ...repo, state: 'all' })).data,
        (await gh.octokit.repos.listCommits(repo)).data,
        (await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' })).data,
      ];
      return JSON.stringify(bodies)
        .split(new URL(gh.baseUrl).host)
        .join('HOST');
    };
    expect(await snapshot(a)).toBe(await snapshot(b));
  });
});
