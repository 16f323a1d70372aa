import { failure, startTestGitHub, TestGitHub } from '../../testing';

describe('PUT /repos/{o}/{r}/pulls/{n}/merge with merge_method rebase', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());
  const repo = { owner: 'gitops', repo: 'config-dev' };

  it('replays the head commits on the base when the base has not moved', async () => {
    const main = await gh.store.headSha('gitops', 'config-dev', 'main');
    await gh.octokit.git.createRef({
      ...repo,
      ref: 'refs/heads/r1',
      sha: main!,
    });
    await gh.store.commitFiles('gitops', 'config-dev', 'r1', 'one', {
      '1.txt': '1\n',
    });
    await gh.store.commitFiles('gitops', 'config-dev', 'r1', 'two', {
      '2.txt': '2\n',
    });
    const pr = await gh.octokit.pulls.create({
      ...repo,
      head: 'r1',
      base: 'main',
      title: 'rebase me',
    });
    const res = await gh.octokit.pulls.merge({
      ...repo,
      pull_number: pr.data.number,
      merge_method: 'rebase',
    });
    const log = await gh.octokit.repos.listCommits({
      ...repo,
      sha: 'main',
      per_page: 3,
    });
    expect(log.data.map(c => c.commit.message)).toEqual([
      'two',
      'one',
      'Initial environment',
    ]);
    expect(log.data[0].sha).toBe(res.data.sha);
    expect(res.data.sha).not.toBe(pr.data.head.sha);
    const [rebased, original] = await Promise.all([
      gh.octokit.git.getCommit({ ...repo, commit_sha: res.data.sha }),
      gh.octokit.git.getCommit({ ...repo, commit_sha: pr.data.head.sha }),
    ]);
    expect(rebased.data.tree.sha).toBe(original.data.tree.sha);
    expect(rebased.data.parents).toHaveLength(1);
  });

  it('refuses to rebase when the base moved', async () => {
    const main = await gh.store.headSha('gitops', 'config-dev', 'main');
    await gh.octokit.git.createRef({
      ...repo,
      ref: 'refs/heads/r2',
      sha: main!,
    });
    await gh.store.commitFiles('gitops', 'config-dev', 'r2', 'r2', {
      'r2.txt': 'r2\n',
    });
    const pr = await gh.octokit.pulls.create({
      ...repo,
      head: 'r2',
      base: 'main',
      title: 'r2',
    });
    await gh.store.commitFiles('gitops', 'config-dev', 'main', 'moved', {
      'moved.txt': 'm\n',
    });
    const err = await failure(
      gh.octokit.pulls.merge({
        ...repo,
        pull_number: pr.data.number,
        merge_method: 'rebase',
      }),
    );
    expect(err.status).toBe(405);
    const merged = await gh.octokit.pulls.merge({
      ...repo,
      pull_number: pr.data.number,
      merge_method: 'merge',
    });
    expect(merged.data.merged).toBe(true);
  });
});
