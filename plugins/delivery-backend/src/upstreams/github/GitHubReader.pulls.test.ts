import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import {
  startTestGitHub,
  TestGitHub,
  TEST_GITHUB_TOKEN,
} from '@gitops-delivery/sandbox/testUtils';
import { GitHubReader } from './GitHubReader';

jest.setTimeout(60_000);

// #11 hole 7: open-PR lists are paged (GitHub answers at most 100 per page),
// against the sandbox GitHub over real HTTP.

const PULLS = 130;

function seeds(): GitHubRepoSeed[] {
  const branches = Array.from({ length: PULLS }, (_, i) => ({
    name: `feature/f${i}`,
    commits: [
      {
        message: `change ${i}`,
        date: '2024-01-02T00:00:00Z',
        files: { [`f${i}.txt`]: `${i}\n` },
      },
    ],
  }));
  return [
    {
      owner: 'gitops',
      name: 'config-busy',
      defaultBranch: 'main',
      commits: [
        {
          message: 'initial',
          date: '2024-01-01T00:00:00Z',
          files: { 'requirements.yaml': 'dependencies: []\n' },
        },
      ],
      branches,
      pulls: branches.map(b => ({ head: b.name, base: 'main', title: b.name })),
    },
  ];
}

let gh: TestGitHub;
beforeAll(async () => {
  gh = await startTestGitHub(seeds());
});
afterAll(async () => {
  await gh.close();
});

describe('GitHubReader.listOpenPulls', () => {
  it('reads every page, not only the first 100', async () => {
    const reader = GitHubReader.create({
      apiBaseUrl: gh.apiBaseUrl,
      token: TEST_GITHUB_TOKEN,
      timeoutMs: 5000,
    });
    const pulls = await reader.listOpenPulls('gitops', 'config-busy');
    expect(pulls).toHaveLength(PULLS);
    expect(new Set(pulls.map(p => p.number)).size).toBe(PULLS);
    expect(
      gh.requests.filter(r =>
        r.startsWith('GET /api/v3/repos/gitops/config-busy/pulls'),
      ),
    ).toHaveLength(2);
  });

  it('stops at its page cap and says the list is incomplete', async () => {
    const reader = GitHubReader.create({
      apiBaseUrl: gh.apiBaseUrl,
      token: TEST_GITHUB_TOKEN,
      timeoutMs: 5000,
      maxPullPages: 1,
    });
    await expect(reader.listOpenPulls('gitops', 'config-busy')).rejects.toThrow(
      /more than 100 open pull requests; the list would be incomplete/,
    );
  });
});
