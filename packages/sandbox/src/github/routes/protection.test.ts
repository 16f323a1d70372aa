import { failure, startTestGitHub, TestGitHub, testSeeds } from '../../testing';

describe('branch protection', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    const seeds = testSeeds();
    seeds[1].protectedBranches = ['main'];
    gh = await startTestGitHub(seeds);
  });
  afterAll(() => gh.close());
  const repo = { owner: 'gitops', repo: 'config-dev' };

  it('rejects direct writes to a protected branch but merges pull requests', async () => {
    const branch = await gh.octokit.repos.getBranch({
      ...repo,
      branch: 'main',
    });
    expect(branch.data.protected).toBe(true);
    const put = await failure(
      gh.octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: 'x.txt',
        message: 'direct',
        content: 'eA==',
      }),
    );
    expect(put).toMatchObject({
      status: 409,
      data: { message: 'Changes must be made through a pull request.' },
    });
    const p1 = gh.store.commitSha('gitops', 'config-dev', 'p1')!;
    const ref = await failure(
      gh.octokit.git.updateRef({
        ...repo,
        ref: 'heads/main',
        sha: p1,
        force: true,
      }),
    );
    expect(ref).toMatchObject({
      status: 422,
      data: { message: 'Protected branch update failed for refs/heads/main.' },
    });
    const merged = await gh.octokit.pulls.merge({ ...repo, pull_number: 1 });
    expect(merged.data.merged).toBe(true);
  });

  it('gets, sets and removes protection', async () => {
    expect(
      (await gh.octokit.repos.getBranchProtection({ ...repo, branch: 'main' }))
        .data.required_pull_request_reviews,
    ).toBeDefined();
    await gh.octokit.repos.deleteBranchProtection({ ...repo, branch: 'main' });
    expect(
      (
        await failure(
          gh.octokit.repos.getBranchProtection({ ...repo, branch: 'main' }),
        )
      ).status,
    ).toBe(404);
    await gh.octokit.repos.updateBranchProtection({
      ...repo,
      branch: 'main',
      required_status_checks: null,
      enforce_admins: false,
      required_pull_request_reviews: null,
      restrictions: null,
    });
    const res = await gh.octokit.repos.createOrUpdateFileContents({
      ...repo,
      path: 'x.txt',
      message: 'direct',
      content: 'eA==',
    });
    expect(res.status).toBe(201);
  });
});
