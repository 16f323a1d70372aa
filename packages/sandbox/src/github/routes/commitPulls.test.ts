import type { GitHubRepoSeed } from '../types';
import { startTestGitHub, type TestGitHub } from '../../testing';
import { validateResponse } from '../../testing/githubOpenApi';

/**
 * History as GitHub serves it: a seeded merged pull request (merge commit, closed with
 * merged_at / merged_by), `GET /commits/{sha}/pulls`, closed pull request lists, and the
 * path history of a file. Items of `commits/{sha}/pulls` are `pull-request-simple`, the schema
 * of `pulls/list` in GitHub's OpenAPI description, so both are validated against it.
 */
const repo = { owner: 'gitops', repo: 'config-hist' };
const seeds: GitHubRepoSeed[] = [
  {
    owner: 'gitops',
    name: 'config-hist',
    defaultBranch: 'main',
    commits: [
      {
        id: 'c1',
        message: 'Initial',
        date: '2026-05-01T10:00:00Z',
        files: { 'Chart.yaml': 'version: 1.0.0\n', 'README.md': 'x\n' },
      },
      {
        id: 'c2',
        message: 'Promote app 1.0.0 -> 1.0.1 to prod',
        date: '2026-05-02T10:00:00Z',
        author: { name: 'GitOps Bot', email: 'bot@sandbox.example' },
        files: { 'Chart.yaml': 'version: 1.0.1\n' },
        pull: {
          branch: 'delivery/prod/app-1.0.1',
          title: 'Promote app 1.0.0 -> 1.0.1 to prod',
          body: 'Bumps app.',
          user: 'delivery-bot',
          mergedBy: 'alice',
          openedAt: '2026-05-01T18:00:00Z',
        },
      },
      {
        id: 'c3',
        message: 'Roll back app to 1.0.0',
        date: '2026-05-02T15:00:00Z',
        author: { name: 'Carol', email: 'carol@sandbox.example' },
        files: { 'Chart.yaml': 'version: 1.0.0\n' },
      },
      {
        id: 'c4',
        message: 'Docs only',
        date: '2026-05-03T09:00:00Z',
        files: { 'README.md': 'y\n' },
      },
    ],
    branches: [
      {
        name: 'feature',
        commits: [
          {
            id: 'f1',
            message: 'Open work',
            date: '2026-05-03T10:00:00Z',
            files: { 'Chart.yaml': 'version: 2.0.0\n' },
          },
        ],
      },
    ],
    pulls: [{ head: 'feature', base: 'main', title: 'Open work' }],
  },
];

let gh: TestGitHub;
const sha = (id: string) => gh.store.commitSha('gitops', 'config-hist', id)!;
beforeAll(async () => {
  gh = await startTestGitHub(seeds);
});
afterAll(() => gh.close());

describe('a seeded merged pull request', () => {
  it('is a merge commit by the merging user, committed by GitHub, its head branch deleted', async () => {
    const { data: merge } = await gh.octokit.repos.getCommit({
      ...repo,
      ref: sha('c2'),
    });
    expect(merge.parents).toHaveLength(2);
    expect(merge.commit.message).toBe(
      'Merge pull request #1 from gitops/delivery/prod/app-1.0.1\n\nPromote app 1.0.0 -> 1.0.1 to prod',
    );
    expect(merge.commit.author?.name).toBe('alice');
    expect(merge.commit.author?.date).toBe('2026-05-02T10:00:00Z');
    expect(merge.commit.committer?.name).toBe('GitHub Enterprise');
    const { data: head } = await gh.octokit.repos.getCommit({
      ...repo,
      ref: merge.parents[1].sha,
    });
    expect(head.commit.author?.date).toBe('2026-05-01T18:00:00Z');
    expect(head.commit.author?.name).toBe('GitOps Bot');
    await expect(
      gh.octokit.repos.getBranch({
        ...repo,
        branch: 'delivery/prod/app-1.0.1',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('GET /pulls/{n}: merged, merged_at, merged_by, merge_commit_sha; GET /pulls?state=closed lists it', async () => {
    const { data: pr } = await gh.octokit.pulls.get({
      ...repo,
      pull_number: 1,
    });
    expect(pr).toMatchObject({
      state: 'closed',
      merged: true,
      merged_at: '2026-05-02T10:00:00Z',
      closed_at: '2026-05-02T10:00:00Z',
      created_at: '2026-05-01T18:00:00Z',
      merge_commit_sha: sha('c2'),
      head: { ref: 'delivery/prod/app-1.0.1' },
      user: { login: 'delivery-bot' },
      merged_by: { login: 'alice' },
      commits: 1,
    });
    const { data: closed } = await gh.octokit.pulls.list({
      ...repo,
      state: 'closed',
    });
    expect(closed.map(p => [p.number, p.merged_at])).toEqual([
      [1, '2026-05-02T10:00:00Z'],
    ]);
    expect(validateResponse('pulls/list', 200, closed)).toEqual([]);
    const { data: open } = await gh.octokit.pulls.list({ ...repo });
    expect(open.map(p => p.number)).toEqual([2]);
  });
});

describe('GET /repos/{o}/{r}/commits/{sha}/pulls', () => {
  const pullsOf = async (commit_sha: string) => {
    const { data } =
      await gh.octokit.repos.listPullRequestsAssociatedWithCommit({
        ...repo,
        commit_sha,
      });
    expect(validateResponse('pulls/list', 200, data)).toEqual([]);
    return data.map(p => p.number);
  };

  it('the merged pull request, from its merge commit or its own commit', async () => {
    const { data: merge } = await gh.octokit.repos.getCommit({
      ...repo,
      ref: sha('c2'),
    });
    expect(await pullsOf(sha('c2'))).toEqual([1]);
    expect(await pullsOf(merge.parents[1].sha)).toEqual([1]);
  });

  it('none for a direct push; the open one for a commit not on the default branch', async () => {
    expect(await pullsOf(sha('c3'))).toEqual([]);
    expect(await pullsOf(sha('c1'))).toEqual([]);
    expect(await pullsOf(sha('f1'))).toEqual([2]);
    // a branch name works as commit_sha, as on GitHub
    expect(await pullsOf('feature')).toEqual([2]);
  });

  it('422 for an unknown commit', async () => {
    await expect(pullsOf('0'.repeat(40))).rejects.toMatchObject({
      status: 422,
    });
  });
});

describe('GET /repos/{o}/{r}/commits?path=', () => {
  it('lists the commits that changed the file (not the merge that took it), newest first, paged with Link', async () => {
    const { data: merge } = await gh.octokit.repos.getCommit({
      ...repo,
      ref: sha('c2'),
    });
    const { data } = await gh.octokit.repos.listCommits({
      ...repo,
      path: 'Chart.yaml',
    });
    expect(data.map(c => c.sha)).toEqual([
      sha('c3'),
      merge.parents[1].sha,
      sha('c1'),
    ]);
    const page1 = await gh.octokit.repos.listCommits({
      ...repo,
      path: 'Chart.yaml',
      per_page: 2,
    });
    expect(page1.data).toHaveLength(2);
    expect(page1.headers.link).toMatch(/[?&]page=2>; rel="next"/);
    expect(page1.headers.link).toMatch(/[?&]page=2>; rel="last"/);
    const page2 = await gh.octokit.repos.listCommits({
      ...repo,
      path: 'Chart.yaml',
      per_page: 2,
      page: 2,
    });
    expect(page2.data.map(c => c.sha)).toEqual([sha('c1')]);
  });

  it('since/until select by commit date', async () => {
    const { data } = await gh.octokit.repos.listCommits({
      ...repo,
      path: 'Chart.yaml',
      since: '2026-05-02T12:00:00Z',
      until: '2026-05-03T00:00:00Z',
    });
    expect(data.map(c => c.commit.message)).toEqual(['Roll back app to 1.0.0']);
  });
});
