import { createGitHubApp } from '../app';
import type { GitHubRepoSeed } from '../types';

const seeds = (): GitHubRepoSeed[] => [
  {
    owner: 'gitops',
    name: 'config-prod',
    commits: [
      {
        id: 'first',
        message: 'first',
        date: '2024-02-01T00:00:00Z',
        author: { name: 'A', email: 'a@x' },
        files: { 'a.yaml': 'a: 1\n', 'dir/b.yaml': 'b: 1\n' },
      },
      {
        id: 'second',
        message: 'second',
        date: '2024-02-02T00:00:00Z',
        files: { 'dir/b.yaml': null, 'c.yaml': 'c: 1\n' },
      },
    ],
    branches: [{ name: 'old', from: 'first', commits: [] }],
  },
];

async function create(s = seeds()) {
  return createGitHubApp({
    seeds: s,
    token: 't',
    baseUrl: 'http://127.0.0.1:7105',
  });
}

describe('GitHubStore', () => {
  it('gives deterministic shas for dated seeds', async () => {
    const a = await create();
    const b = await create();
    const sha = a.store.commitSha('gitops', 'config-prod', 'second');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(b.store.commitSha('gitops', 'config-prod', 'second')).toBe(sha);
    expect(await a.store.headSha('gitops', 'config-prod', 'main')).toBe(sha);
    expect(await a.store.headSha('gitops', 'config-prod', 'old')).toBe(
      a.store.commitSha('gitops', 'config-prod', 'first'),
    );
  });

  it('reads files at branches, shas and seed history (null deletes)', async () => {
    const { store } = await create();
    expect(
      await store.readFile('gitops', 'config-prod', 'main', 'c.yaml'),
    ).toBe('c: 1\n');
    expect(
      await store.readFile('gitops', 'config-prod', 'main', 'dir/b.yaml'),
    ).toBeUndefined();
    expect(
      await store.readFile('gitops', 'config-prod', 'old', 'dir/b.yaml'),
    ).toBe('b: 1\n');
    const first = store.commitSha('gitops', 'config-prod', 'first')!;
    expect(await store.readFile('gitops', 'config-prod', first, 'a.yaml')).toBe(
      'a: 1\n',
    );
    expect(
      await store.readFile('gitops', 'nope', 'main', 'a.yaml'),
    ).toBeUndefined();
  });

  it('commits files, creating a branch from the default branch when needed', async () => {
    const { store } = await create();
    const sha = await store.commitFiles(
      'gitops',
      'config-prod',
      'feature',
      'feat',
      { 'a.yaml': 'a: 2\n' },
      { name: 'Dev', email: 'dev@x' },
    );
    expect(await store.headSha('gitops', 'config-prod', 'feature')).toBe(sha);
    expect(
      await store.readFile('gitops', 'config-prod', 'feature', 'a.yaml'),
    ).toBe('a: 2\n');
    expect(
      await store.readFile('gitops', 'config-prod', 'feature', 'c.yaml'),
    ).toBe('c: 1\n');
    await expect(
      store.commitFiles('gitops', 'missing', 'main', 'x', {}),
    ).rejects.toThrow(/Unknown repository/);
  });

  it('resets to the seeds (same shas, later writes gone)', async () => {
    const { store } = await create();
    const before = await store.headSha('gitops', 'config-prod', 'main');
    await store.commitFiles('gitops', 'config-prod', 'main', 'later', {
      'later.txt': 'x',
    });
    await store.reset(seeds());
    expect(await store.headSha('gitops', 'config-prod', 'main')).toBe(before);
    expect(
      await store.readFile('gitops', 'config-prod', 'main', 'later.txt'),
    ).toBeUndefined();
    expect(store.htmlUrl('gitops', 'config-prod')).toBe(
      'http://127.0.0.1:7105/gitops/config-prod',
    );
  });

  it('serializes concurrent resets', async () => {
    const { store } = await create();
    const expected = await store.headSha('gitops', 'config-prod', 'main');
    await Promise.all([
      store.reset(seeds()),
      store.reset(seeds()),
      store.reset(seeds()),
    ]);
    expect(await store.headSha('gitops', 'config-prod', 'main')).toBe(expected);
    expect(store.commitSha('gitops', 'config-prod', 'first')).toBeDefined();
  });

  it('explains invalid seeds', async () => {
    const bad = seeds();
    bad[0].branches = [{ name: 'x', from: 'missing', commits: [] }];
    await expect(create(bad)).rejects.toThrow(
      "Invalid GitHub seed gitops/config-prod: Seed gitops/config-prod: branch 'x' starts from unknown 'missing'",
    );
    const pr = seeds();
    pr[0].pulls = [{ head: 'old', base: 'main', title: 'nothing to merge' }];
    await expect(create(pr)).rejects.toThrow(
      'pull request old -> main: No commits between main and old',
    );
  });
});
