import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import {
  injectGitHubFault,
  startTestGitHub,
  TEST_GITHUB_TOKEN,
  writes,
  type TestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import { ConfigRepoClient } from './ConfigRepoClient';
import { createConfigRepoOctokit } from './createConfigRepoOctokit';
import { UnprocessableError } from '../errors';
import { GitHubWriteError } from './GitHubWriteError';

const seeds = (): GitHubRepoSeed[] => [
  {
    owner: 'gitops',
    name: 'config-dev',
    commits: [
      {
        id: 'c1',
        message: 'dev',
        date: '2024-01-02T10:00:00Z',
        files: {
          'requirements.yaml': 'dependencies: []\n',
          'charts/README.md': '# charts\n',
        },
      },
    ],
  },
  { owner: 'gitops', name: 'config-qa', commits: [] },
  { owner: 'alice', ownerType: 'User', name: 'dotfiles', commits: [] },
];

describe('ConfigRepoClient on the sandbox GitHub', () => {
  let github: TestGitHub;
  beforeAll(async () => {
    github = await startTestGitHub(seeds());
  });
  afterAll(() => github.close());
  beforeEach(() => github.reset(seeds()));

  const client = (
    repo: string,
    options: ConstructorParameters<typeof ConfigRepoClient>[2] = {},
    owner = 'gitops',
  ) => {
    const target = {
      owner,
      repo,
      apiBaseUrl: github.apiBaseUrl,
      token: TEST_GITHUB_TOKEN,
      timeoutMs: 2000,
    };
    return new ConfigRepoClient(
      createConfigRepoOctokit(target),
      target,
      options,
    );
  };

  it('reads files at a ref, undefined when absent, refuses directories and oversized files', async () => {
    const dev = client('config-dev');
    const head = await dev.branchSha('main');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    const file = await dev.readFile('requirements.yaml', head!);
    expect(file).toMatchObject({ content: 'dependencies: []\n', size: 17 });
    expect(await dev.readFile('missing.yaml', head!)).toBeUndefined();
    await expect(dev.readFile('charts', head!)).rejects.toThrow(
      new UnprocessableError('charts is not a file in gitops/config-dev'),
    );
    await expect(dev.readFile('requirements.yaml', head!, 10)).rejects.toThrow(
      /17 bytes, over the 10-byte limit/,
    );
  });

  it('reports content that cannot be edited as UnprocessableError (422)', async () => {
    const dev = client('config-dev');
    const head = (await dev.branchSha('main'))!;
    for (const [path, max] of [
      ['charts', undefined],
      ['requirements.yaml', 10],
    ] as const) {
      const e = await dev.readFile(path, head, max).catch(err => err);
      expect(e).toBeInstanceOf(UnprocessableError);
      expect(e.statusCode).toBe(422);
    }
  });

  it('an empty repository and a missing branch have no head', async () => {
    expect(await client('config-qa').branchSha('main')).toBeUndefined();
    expect(await client('config-dev').branchSha('nope')).toBeUndefined();
  });

  it('commits several files on a new branch and opens one pull request', async () => {
    const dev = client('config-dev');
    const base = (await dev.branchSha('main'))!;
    const sha = await dev.createCommit(
      base,
      { 'requirements.yaml': 'dependencies: [a]\n', 'a.yaml': 'a: 1\n' },
      'Add a',
    );
    await dev.createBranch('add-a', sha);
    expect(await dev.branchSha('add-a')).toBe(sha);
    expect(await dev.commitMessage(sha)).toBe('Add a');
    expect((await dev.readFile('charts/README.md', sha))?.content).toBe(
      '# charts\n',
    );
    expect(await dev.compare(base, sha)).toEqual({
      messages: ['Add a'],
      files: ['a.yaml', 'requirements.yaml'],
      totalCommits: 1,
    });
    const pull = await dev.createPull({
      branch: 'add-a',
      base: 'main',
      title: 'Add a',
      body: 'Adds a',
    });
    expect(pull).toMatchObject({
      branch: 'add-a',
      base: 'main',
      body: 'Adds a',
    });
    expect(await dev.openPulls('main', 'add-a')).toEqual([pull]);
    expect(await dev.isOurs(pull)).toBe(true);
  });

  it('a root commit makes the first branch of an empty repository', async () => {
    const qa = client('config-qa');
    const sha = await qa.createCommit(
      undefined,
      { 'Chart.yaml': 'x\n' },
      'First',
    );
    await qa.createBranch('main', sha);
    expect((await qa.readFile('Chart.yaml', 'main'))?.content).toBe('x\n');
  });

  it('a refused write is a GitHubWriteError (a ConflictError) carrying upstreamStatus, never status', async () => {
    const dev = client('config-dev');
    const head = (await dev.branchSha('main'))!;
    const error = await dev.createBranch('main', head).catch(e => e);
    expect(error).toBeInstanceOf(GitHubWriteError);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.upstreamStatus).toBe(422);
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(
      /^GitHub gitops\/config-dev: could not create branch main: /,
    );
  });

  it('maps 404 and 403 to NotFoundError and NotAllowedError, redacting the message', async () => {
    const redacted = client('config-dev', {
      redact: text => text.replace(/gitops/g, '***'),
    });
    await expect(redacted.commitMessage('0'.repeat(40))).rejects.toThrow(
      NotFoundError,
    );
    await expect(redacted.commitMessage('0'.repeat(40))).rejects.toThrow(
      /^GitHub \*\*\*\/config-dev: could not read commit/,
    );
    injectGitHubFault(github, {
      kind: 'error',
      status: 403,
      method: 'POST',
      body: '{"message":"protected"}',
    });
    await expect(
      redacted.createCommit(undefined, { a: 'a' }, 'm'),
    ).rejects.toThrow(NotAllowedError);
  });

  it('creates a repository under an organisation, refuses an existing one and another user', async () => {
    const created = await client('config-prod').createRepository({
      description: 'prod',
      private: true,
    });
    expect(created.htmlUrl).toBe(`${github.baseUrl}/gitops/config-prod`);
    expect(await client('config-prod').exists()).toBe(true);
    await expect(
      client('config-dev').createRepository({ description: '', private: true }),
    ).rejects.toThrow(
      new ConflictError('repository gitops/config-dev already exists'),
    );
    const before = writes(github.requests).length;
    await expect(
      client('mine', {}, 'alice').createRepository({
        description: '',
        private: false,
      }),
    ).rejects.toThrow(
      new InputError(
        "cannot create a repository for user 'alice': the integration token belongs to 'delivery-bot'",
      ),
    );
    await expect(
      client('mine', {}, 'nobody').createRepository({
        description: '',
        private: false,
      }),
    ).rejects.toThrow(NotFoundError);
    expect(writes(github.requests).length).toBe(before);
    expect(await client('nothing-here').exists()).toBe(false);
  });
});
