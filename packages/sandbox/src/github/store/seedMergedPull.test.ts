import { startTestGitHub } from '../../testing';
import { createGitHubApp } from '../app';
import type { GitHubCommitSeed, GitHubRepoSeed } from '../types';

const first: GitHubCommitSeed = {
  id: 'c1',
  message: 'first',
  date: '2026-05-01T00:00:00Z',
  files: { 'Chart.yaml': 'v: 1\n' },
};
const merged = (
  pull: Partial<NonNullable<GitHubCommitSeed['pull']>>,
): GitHubCommitSeed => ({
  id: 'c2',
  message: 'bump',
  date: '2026-05-02T00:00:00Z',
  files: { 'Chart.yaml': 'v: 2\n' },
  pull: {
    branch: 'delivery/prod/app-2',
    title: 'Promote app 1 -> 2 to prod',
    user: 'delivery-bot',
    mergedBy: 'alice',
    openedAt: '2026-05-01T12:00:00Z',
    ...pull,
  },
});
const repo = (
  commits: GitHubCommitSeed[],
  extra: Partial<GitHubRepoSeed> = {},
) => [{ owner: 'gitops', name: 'config-prod', commits, ...extra }];
const create = (seeds: GitHubRepoSeed[]) =>
  createGitHubApp({ seeds, token: 't', baseUrl: 'http://127.0.0.1:7105' });

describe('seeded merged pull requests', () => {
  it('are deterministic: same seeds, same merge sha', async () => {
    const a = await create(repo([first, merged({})]));
    const b = await create(repo([first, merged({})]));
    expect(a.store.commitSha('gitops', 'config-prod', 'c2')).toBe(
      b.store.commitSha('gitops', 'config-prod', 'c2'),
    );
  });

  it('number before the open pull requests of the seed', async () => {
    const gh = await startTestGitHub(
      repo([first, merged({})], {
        branches: [
          {
            name: 'feature',
            commits: [
              { message: 'f', date: '2026-05-03T00:00:00Z', files: { f: '1' } },
            ],
          },
        ],
        pulls: [{ head: 'feature', base: 'main', title: 'Open' }],
      }),
    );
    try {
      const { data } = await gh.octokit.pulls.list({
        owner: 'gitops',
        repo: 'config-prod',
        state: 'all',
        direction: 'asc',
      });
      expect(data.map(p => [p.number, p.state, p.merged_at])).toEqual([
        [1, 'closed', '2026-05-02T00:00:00Z'],
        [2, 'open', null],
      ]);
    } finally {
      await gh.close();
    }
  });

  it('say what is wrong: opened after the merge, or a first commit that is a merge', async () => {
    await expect(
      create(repo([first, merged({ openedAt: '2026-05-03T00:00:00Z' })])),
    ).rejects.toThrow(
      'Invalid GitHub seed gitops/config-prod: merged pull delivery/prod/app-2: opened (2026-05-03T00:00:00Z) after it was merged (2026-05-02T00:00:00Z)',
    );
    await expect(create(repo([merged({})]))).rejects.toThrow(
      "merged pull delivery/prod/app-2: base 'main' has no commit",
    );
  });
});
