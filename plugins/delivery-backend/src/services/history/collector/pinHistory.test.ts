import { Octokit } from '@octokit/rest';
import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import type { EnvironmentConfig } from '../../../configTypes';
import { GitHubReader } from '../../../upstreams/github/GitHubReader';
import {
  startTestGitHub,
  TestGitHub,
  TEST_GITHUB_TOKEN,
} from '@gitops-delivery/sandbox/testUtils';
import { PinFile, pinFileSource, readPinFileHistory } from './pinHistory';

jest.setTimeout(60_000);

const COMMITS = 40;
/** File versions read per run in these tests. */
const MAX_FILE_READS = 30;
const caps = { fileReads: MAX_FILE_READS };
const at = (i: number) =>
  new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
const requirements = (app: string, web: string) =>
  `dependencies:\n  - name: app\n    version: ${app}\n  - name: web\n    version: ${web}\n`;

function seeds(): GitHubRepoSeed[] {
  return [
    {
      owner: 'gitops',
      name: 'config-dev',
      defaultBranch: 'main',
      commits: [
        {
          message: 'README only',
          date: at(0),
          files: { 'README.md': 'config\n' },
        },
        // app moves every commit; web every tenth
        ...Array.from({ length: COMMITS }, (_, i) => ({
          message: `pins ${i}`,
          date: at(i + 1),
          files: {
            'requirements.yaml': requirements(
              `1.0.${i}`,
              `2.0.${Math.floor(i / 10)}`,
            ),
          },
        })),
      ],
    },
    {
      owner: 'gitops',
      name: 'config-broken',
      defaultBranch: 'main',
      commits: [
        {
          message: 'app 1.0.0',
          date: at(1),
          files: { 'requirements.yaml': requirements('1.0.0', '2.0.0') },
        },
        {
          message: 'oops',
          date: at(2),
          files: { 'requirements.yaml': 'dependencies: [\n' },
        },
        {
          message: 'app 1.0.1',
          date: at(3),
          files: { 'requirements.yaml': requirements('1.0.1', '2.0.0') },
        },
      ],
    },
  ];
}

let gh: TestGitHub;
let github: GitHubReader;
beforeAll(async () => {
  gh = await startTestGitHub(seeds());
  github = GitHubReader.create({
    apiBaseUrl: gh.apiBaseUrl,
    token: TEST_GITHUB_TOKEN,
    timeoutMs: 5000,
  });
});
afterAll(async () => gh.close());

function file(releases: string[], repo = 'config-dev'): PinFile {
  const env = {
    name: 'dev',
    owner: 'gitops',
    repo,
    branch: 'main',
    requirementsPath: 'requirements.yaml',
    apiBaseUrl: gh.apiBaseUrl,
    repoHtmlUrl: `${gh.baseUrl}/gitops/${repo}`,
  } as EnvironmentConfig;
  return {
    source: pinFileSource(env),
    env,
    environments: ['dev'],
    releases: new Map(
      releases.map(r => [
        r,
        [{ entityRef: `component:default/${r}`, environments: ['dev'] }],
      ]),
    ),
  };
}

const contentReads = () =>
  gh.requests.filter(r => r.includes('config-dev/contents/requirements.yaml'))
    .length;

describe('readPinFileHistory on the sandbox GitHub', () => {
  it('reads at most MAX_FILE_READS file versions per run and resumes from its cursor', async () => {
    const backfillSince = at(0);
    const reads0 = contentReads();
    const first = await readPinFileHistory({
      file: file(['app']),
      github,
      backfillSince,
      caps,
    });
    // the first commit created the file: there is no earlier pin
    expect(first.changes).toHaveLength(MAX_FILE_READS);
    expect(first.changes[0]).toMatchObject({
      entityRef: 'component:default/app',
      environment: 'dev',
      toVersion: '1.0.0',
    });
    expect(first.changes[0].fromVersion).toBeUndefined();
    expect(first.changes[1]).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '1.0.1',
    });
    // one read per version, plus the file at the first one's parent (404: none yet)
    expect(contentReads() - reads0).toBe(MAX_FILE_READS + 1);
    expect(first.cursor).toMatchObject({
      pins: { app: `1.0.${MAX_FILE_READS - 1}` },
      tracked: ['app'],
    });

    const second = await readPinFileHistory({
      file: file(['app']),
      github,
      cursor: first.cursor,
      backfillSince,
      caps,
    });
    expect(second.changes.map(c => c.toVersion)).toEqual(
      Array.from(
        { length: COMMITS - MAX_FILE_READS },
        (_, i) => `1.0.${MAX_FILE_READS + i}`,
      ),
    );
    expect(second.changes[0].fromVersion).toBe(`1.0.${MAX_FILE_READS - 1}`);

    const reads2 = contentReads();
    const third = await readPinFileHistory({
      file: file(['app']),
      github,
      cursor: second.cursor,
      backfillSince,
      caps,
    });
    expect(third).toEqual({ changes: [], cursor: second.cursor, notes: [] });
    expect(contentReads()).toBe(reads2);
  });

  it('attributes one read of each file version to every release in it, and starts a newly tracked release from its pin at the cursor', async () => {
    const backfillSince = at(25);
    const first = await readPinFileHistory({
      file: file(['app']),
      github,
      backfillSince,
      caps,
    });
    // since commit 24 (at(25)): 16 versions, app changes at each
    expect(first.changes).toHaveLength(COMMITS - 24);
    expect(first.changes[0].fromVersion).toBe('1.0.23');

    // web is tracked from now on; its pin at the cursor is 2.0.3, so the
    // next change is 2.0.3 -> 2.0.4, not "from nothing"
    await extendHistory(10);
    const next = await readPinFileHistory({
      file: file(['app', 'web']),
      github,
      cursor: first.cursor,
      backfillSince,
      caps,
    });
    const web = next.changes.filter(c => c.release === 'web');
    expect(web.map(c => [c.fromVersion, c.toVersion])).toEqual([
      ['2.0.3', '2.0.4'],
    ]);
    expect(next.changes.filter(c => c.release === 'app')).toHaveLength(10);
    expect(next.cursor?.tracked).toEqual(['app', 'web']);
  });
});

describe('a config file version that is not valid YAML', () => {
  it('is skipped and said, and the history goes on past it', async () => {
    const result = await readPinFileHistory({
      file: file(['app'], 'config-broken'),
      github,
      backfillSince: at(0),
    });
    expect(result.changes.map(c => [c.fromVersion, c.toVersion])).toEqual([
      [undefined, '1.0.0'],
      ['1.0.0', '1.0.1'],
    ]);
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^[0-9a-f]{12} skipped: requirements\.yaml is not valid YAML/,
      ),
    ]);
    expect(result.cursor?.pins).toEqual({ app: '1.0.1' });
  });
});

/** `n` more pin commits on main. */
async function extendHistory(n: number) {
  const octokit = new Octokit({
    baseUrl: gh.apiBaseUrl,
    auth: TEST_GITHUB_TOKEN,
  });
  for (let i = COMMITS; i < COMMITS + n; i++) {
    const got = await octokit.rest.repos.getContent({
      owner: 'gitops',
      repo: 'config-dev',
      path: 'requirements.yaml',
    });
    await octokit.rest.repos.createOrUpdateFileContents({
      owner: 'gitops',
      repo: 'config-dev',
      path: 'requirements.yaml',
      sha: (got.data as { sha: string }).sha,
      message: `pins ${i}`,
      content: Buffer.from(
        requirements(`1.0.${i}`, `2.0.${Math.floor(i / 10)}`),
      ).toString('base64'),
    });
  }
}
