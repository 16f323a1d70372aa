import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import type { VersionLineage } from '@gitops-delivery/backstage-plugin-delivery-common';
import { GitHubReader } from '../../../upstreams/github/GitHubReader';
import {
  startTestGitHub,
  TestGitHub,
  TEST_GITHUB_TOKEN,
} from '@gitops-delivery/sandbox/testUtils';
import { carriedCommits } from './carriedCommits';
import { RequestBudget } from './RequestBudget';

jest.setTimeout(60_000);

const at = (i: number) =>
  new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();

function seeds(): GitHubRepoSeed[] {
  return [
    {
      owner: 'shop',
      name: 'orders',
      defaultBranch: 'main',
      commits: Array.from({ length: 5 }, (_, i) => ({
        message: `change ${i}`,
        date: at(i),
        files: { 'main.go': `// ${i}\n` },
      })),
    },
  ];
}

let gh: TestGitHub;
let github: GitHubReader;
let shas: string[];
beforeAll(async () => {
  gh = await startTestGitHub(seeds());
  github = GitHubReader.create({
    apiBaseUrl: gh.apiBaseUrl,
    token: TEST_GITHUB_TOKEN,
    timeoutMs: 5000,
  });
  const { commits } = await github.listCommitsSince('shop', 'orders', 'main', {
    maxPages: 1,
  });
  shas = commits.map(c => c.sha).reverse(); // oldest first
});
afterAll(async () => gh.close());

const version = (name: string, sha: string, i: number): VersionLineage => ({
  version: name,
  normalized: name.replace(/^v/, ''),
  commit: {
    sha,
    shortSha: sha.slice(0, 7),
    message: `release ${name}`,
    timestamp: at(i),
  },
  links: {},
  environments: [],
});

const run = (versions: VersionLineage[], caps = 10) =>
  carriedCommits({
    entityRef: 'component:default/orders',
    versions,
    done: new Set(),
    repo: {
      github,
      owner: 'shop',
      repo: 'orders',
      htmlUrl: 'https://ghe/shop/orders',
    },
    budget: new RequestBudget({ compare: caps }),
  });

describe('carriedCommits on the sandbox GitHub', () => {
  it('gives each version the commits since the previous one, the oldest its own', async () => {
    const { changes, notes } = await run([
      version('v3', shas[4], 4),
      version('v2', shas[2], 2),
      version('v1', shas[0], 0),
    ]);
    expect(notes).toEqual([]);
    expect(changes.map(c => [c.version, c.message])).toEqual([
      ['v3', 'change 3'],
      ['v3', 'change 4'],
      ['v2', 'change 1'],
      ['v2', 'change 2'],
      ['v1', 'release v1'],
    ]);
    expect(changes[0]).toMatchObject({
      sha: shas[3],
      url: expect.stringContaining(shas[3]),
    });
  });

  it('gives a re-released commit, or one GitHub does not know, its own commit', async () => {
    const { changes, notes } = await run([
      version('v3', 'f'.repeat(40), 4),
      version('v2', shas[1], 1),
      version('v1', shas[1], 1),
    ]);
    expect(notes).toEqual([]);
    expect(changes.map(c => [c.version, c.sha])).toEqual([
      ['v3', 'f'.repeat(40)],
      ['v2', shas[1]],
      ['v1', shas[1]],
    ]);
  });

  it('stops at the budget', async () => {
    const { changes } = await run(
      [
        version('v3', shas[4], 4),
        version('v2', shas[2], 2),
        version('v1', shas[0], 0),
      ],
      1,
    );
    expect([...new Set(changes.map(c => c.version))]).toEqual(['v3']);
  });
});
