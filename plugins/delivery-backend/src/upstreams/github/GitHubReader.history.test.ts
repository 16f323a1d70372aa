import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import {
  startTestGitHub,
  TestGitHub,
  TEST_GITHUB_TOKEN,
} from '@gitops-delivery/sandbox/testUtils';
import { GitHubReader } from './GitHubReader';

jest.setTimeout(60_000);

// The reads of the history collector, against the sandbox GitHub over real HTTP.

const COMMITS = 130;
const day = (i: number) =>
  new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();

function seeds(): GitHubRepoSeed[] {
  return [
    {
      owner: 'gitops',
      name: 'config-long',
      defaultBranch: 'main',
      commits: Array.from({ length: COMMITS }, (_, i) => ({
        message: `pin ${i}`,
        date: day(i),
        files: {
          'requirements.yaml': `dependencies:\n  - name: app\n    version: 1.0.${i}\n`,
          ...(i % 2 ? { 'other.txt': `${i}\n` } : {}),
        },
      })),
      branches: [
        {
          name: 'delivery/dev/app-2.0.0',
          commits: [
            {
              message: 'Promote app 2.0.0',
              date: day(COMMITS + 1),
              files: {
                'requirements.yaml':
                  'dependencies:\n  - name: app\n    version: 2.0.0\n',
              },
            },
            {
              message: 'Values for 2.0.0',
              date: day(COMMITS + 2),
              files: { 'app.yaml': 'image: {tag: 2.0.0}\n' },
            },
          ],
        },
      ],
      pulls: [
        {
          head: 'delivery/dev/app-2.0.0',
          base: 'main',
          title: 'Promote 2.0.0',
        },
      ],
    },
  ];
}

let gh: TestGitHub;
let reader: GitHubReader;
beforeAll(async () => {
  gh = await startTestGitHub(seeds());
  reader = GitHubReader.create({
    apiBaseUrl: gh.apiBaseUrl,
    token: TEST_GITHUB_TOKEN,
    timeoutMs: 5000,
  });
});
afterAll(async () => {
  await gh.close();
});

const requests = (path: string) =>
  gh.requests.filter(r =>
    r.startsWith(`GET /api/v3/repos/gitops/config-long/${path}`),
  ).length;

describe('GitHubReader.listCommitsSince', () => {
  it('reads every page of a file history since a time, newest first', async () => {
    const before = requests('commits?');
    const all = await reader.listCommitsSince('gitops', 'config-long', 'main', {
      path: 'requirements.yaml',
      maxPages: 3,
    });
    expect(all.truncated).toBe(false);
    expect(all.commits).toHaveLength(COMMITS);
    expect(all.commits[0].message).toBe(`pin ${COMMITS - 1}`);
    expect(requests('commits?') - before).toBe(2);

    const since = await reader.listCommitsSince(
      'gitops',
      'config-long',
      'main',
      {
        path: 'requirements.yaml',
        since: day(120),
        maxPages: 3,
      },
    );
    expect(since.commits.map(c => c.message)).toEqual(
      Array.from({ length: 10 }, (_, i) => `pin ${COMMITS - 1 - i}`),
    );
  });

  it('stops at its page cap and says so', async () => {
    const capped = await reader.listCommitsSince(
      'gitops',
      'config-long',
      'main',
      {
        path: 'requirements.yaml',
        maxPages: 1,
      },
    );
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.commits).toHaveLength(100);
  });
});

describe('GitHubReader.compareCommits', () => {
  it('lists the commits head has that base has not, oldest first', async () => {
    const { commits } = await reader.listCommitsSince(
      'gitops',
      'config-long',
      'main',
      {
        path: 'requirements.yaml',
        since: day(125),
        maxPages: 1,
      },
    );
    const cmp = await reader.compareCommits(
      'gitops',
      'config-long',
      commits.at(-1)!.sha,
      commits[0].sha,
    );
    expect(cmp.total).toBe(4);
    expect(cmp.commits.map(c => c.message)).toEqual([
      'pin 126',
      'pin 127',
      'pin 128',
      'pin 129',
    ]);
    expect(cmp.commits[0].date).toBe(day(126).replace('.000Z', 'Z'));
  });
});

describe('GitHubReader merged pull requests', () => {
  it('names the merge commit, the pull request of a commit and who merged it', async () => {
    expect(await reader.listMergedPulls('gitops', 'config-long')).toEqual([]);
    const octokit = gh.octokit;
    const merged = await octokit.rest.pulls.merge({
      owner: 'gitops',
      repo: 'config-long',
      pull_number: 1,
    });
    const me = await octokit.rest.users.getAuthenticated();

    const [pull] = await reader.listMergedPulls('gitops', 'config-long');
    expect(pull).toMatchObject({
      number: 1,
      branch: 'delivery/dev/app-2.0.0',
      mergeCommitSha: merged.data.sha,
      mergedAt: expect.stringMatching(/^\d{4}-/),
    });
    const shas = (
      await octokit.rest.pulls.listCommits({
        owner: 'gitops',
        repo: 'config-long',
        pull_number: 1,
      })
    ).data.map(c => c.sha);
    expect(shas).toHaveLength(2);
    expect(pull.headSha).toBe(shas[1]);
    // the pull request's first commit is neither its head nor its merge
    expect(
      await reader.listMergedPullsOfCommit('gitops', 'config-long', shas[0]),
    ).toEqual([pull]);
    const [onMain] = (
      await reader.listCommitsSince('gitops', 'config-long', 'main', {
        path: 'other.txt',
        maxPages: 1,
      })
    ).commits;
    expect(
      await reader.listMergedPullsOfCommit('gitops', 'config-long', onMain.sha),
    ).toEqual([]);
    expect(await reader.getPullMergedBy('gitops', 'config-long', 1)).toBe(
      me.data.login,
    );
  });

  it('classifies a missing pull request as not found', async () => {
    await expect(
      reader.getPullMergedBy('gitops', 'config-long', 999),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });
});
