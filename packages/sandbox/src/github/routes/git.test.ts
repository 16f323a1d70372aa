import { failure, startTestGitHub, TestGitHub } from '../../testing';

describe('git database API and commits', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());
  const repo = { owner: 'gitops', repo: 'config-dev' };

  it('gets, creates (422 when it exists), updates (fast-forward check) and deletes refs', async () => {
    const main = await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' });
    expect(main.data).toMatchObject({
      ref: 'refs/heads/main',
      object: {
        type: 'commit',
        sha: gh.store.commitSha('gitops', 'config-dev', 'c1'),
      },
    });
    const created = await gh.octokit.git.createRef({
      ...repo,
      ref: 'refs/heads/feature/x',
      sha: main.data.object.sha,
    });
    expect(created.status).toBe(201);
    const exists = await failure(
      gh.octokit.git.createRef({
        ...repo,
        ref: 'refs/heads/feature/x',
        sha: main.data.object.sha,
      }),
    );
    expect(exists).toMatchObject({
      status: 422,
      data: { message: 'Reference already exists' },
    });

    const conflict = await failure(
      gh.octokit.git.createRef({
        ...repo,
        ref: 'refs/heads/feature/x/y',
        sha: main.data.object.sha,
      }),
    );
    expect(conflict).toMatchObject({
      status: 422,
      data: { message: 'Reference update failed' },
    });

    const p1 = gh.store.commitSha('gitops', 'config-dev', 'p1')!;
    const ff = await gh.octokit.git.updateRef({
      ...repo,
      ref: 'heads/feature/x',
      sha: p1,
    });
    expect(ff.data.object.sha).toBe(p1);
    const back = await failure(
      gh.octokit.git.updateRef({
        ...repo,
        ref: 'heads/feature/x',
        sha: main.data.object.sha,
      }),
    );
    expect(back).toMatchObject({
      status: 422,
      data: { message: 'Update is not a fast forward' },
    });
    const forced = await gh.octokit.git.updateRef({
      ...repo,
      ref: 'heads/feature/x',
      sha: main.data.object.sha,
      force: true,
    });
    expect(forced.data.object.sha).toBe(main.data.object.sha);

    const matching = await gh.octokit.git.listMatchingRefs({
      ...repo,
      ref: 'heads/feature',
    });
    expect(matching.data.map(r => r.ref)).toEqual(['refs/heads/feature/x']);
    await gh.octokit.git.deleteRef({ ...repo, ref: 'heads/feature/x' });
    expect(
      (
        await failure(
          gh.octokit.git.getRef({ ...repo, ref: 'heads/feature/x' }),
        )
      ).status,
    ).toBe(404);
  });

  it('builds a multi-file commit from blobs and trees and moves the branch', async () => {
    const head = (await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' }))
      .data.object.sha;
    const headCommit = await gh.octokit.git.getCommit({
      ...repo,
      commit_sha: head,
    });
    const blob = await gh.octokit.git.createBlob({
      ...repo,
      content: Buffer.from('from blob\n').toString('base64'),
      encoding: 'base64',
    });
    expect(blob.status).toBe(201);
    const tree = await gh.octokit.git.createTree({
      ...repo,
      base_tree: headCommit.data.tree.sha,
      tree: [
        { path: 'a/one.txt', mode: '100644', type: 'blob', sha: blob.data.sha },
        {
          path: 'a/two.txt',
          mode: '100644',
          type: 'blob',
          content: 'inline\n',
        },
        { path: 'xposer/values.yaml', mode: '100644', type: 'blob', sha: null },
      ],
    });
    expect(tree.data.tree.map(e => e.path).sort()).toEqual(['a', 'xposer']);
    const commit = await gh.octokit.git.createCommit({
      ...repo,
      message: 'multi',
      tree: tree.data.sha,
      parents: [head],
    });
    expect(commit.data).toMatchObject({
      message: 'multi',
      parents: [{ sha: head }],
      tree: { sha: tree.data.sha },
    });
    await gh.octokit.git.updateRef({
      ...repo,
      ref: 'heads/main',
      sha: commit.data.sha,
    });
    expect(
      await gh.store.readFile('gitops', 'config-dev', 'main', 'a/one.txt'),
    ).toBe('from blob\n');
    expect(
      await gh.store.readFile('gitops', 'config-dev', 'main', 'a/two.txt'),
    ).toBe('inline\n');
    expect(
      await gh.store.readFile(
        'gitops',
        'config-dev',
        'main',
        'xposer/values.yaml',
      ),
    ).toBeUndefined();

    const full = await gh.octokit.git.getTree({
      ...repo,
      tree_sha: tree.data.sha,
      recursive: '1',
    });
    expect(full.data.tree.map(e => e.path)).toEqual([
      'a',
      'a/one.txt',
      'a/two.txt',
      'xposer',
      'xposer/requirements.yaml',
    ]);

    const rest = await gh.octokit.repos.getCommit({
      ...repo,
      ref: commit.data.sha,
    });
    expect(rest.data.files?.map(f => [f.filename, f.status])).toEqual([
      ['a/one.txt', 'added'],
      ['a/two.txt', 'added'],
      ['xposer/values.yaml', 'removed'],
    ]);
    expect(rest.data.stats).toEqual({ total: 5, additions: 2, deletions: 3 });
  });

  it('validates commit and tree inputs', async () => {
    expect(
      (
        await failure(
          gh.octokit.git.createCommit({
            ...repo,
            message: 'x',
            tree: 'f'.repeat(40),
            parents: [],
          }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await failure(
          gh.octokit.git.createTree({
            ...repo,
            tree: [
              { path: 'x', mode: '100644', type: 'blob', sha: 'a'.repeat(40) },
            ],
          }),
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await failure(
          gh.octokit.git.getCommit({ ...repo, commit_sha: 'a'.repeat(40) }),
        )
      ).status,
    ).toBe(404);
  });

  it('lists commits by path and compares branches with unified diffs', async () => {
    const byPath = await gh.octokit.repos.listCommits({
      ...repo,
      path: 'xposer/requirements.yaml',
      sha: 'promote/xposer-0.0.20',
    });
    expect(byPath.data.map(c => c.commit.message)).toEqual([
      'Promote xposer to 0.0.20',
      'Initial environment',
    ]);
    const cmp = await gh.octokit.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${gh.store.commitSha(
        'gitops',
        'config-dev',
        'c1',
      )}...promote/xposer-0.0.20`,
    });
    expect(cmp.data).toMatchObject({
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      total_commits: 1,
    });
    expect(cmp.data.files).toHaveLength(1);
    expect(cmp.data.files![0].patch).toBe(
      '@@ -1,5 +1,5 @@\n dependencies:\n   # the app\n   - name: xposer\n-    version: 0.0.19\n+    version: 0.0.20\n     repository: http://chartmuseum',
    );
    const diverged = await gh.octokit.repos.compareCommits({
      ...repo,
      base: 'main',
      head: 'promote/xposer-0.0.20',
    });
    expect(diverged.data.status).toBe('diverged');
    const diff = await gh.octokit.repos.compareCommits({
      ...repo,
      base: 'main',
      head: 'promote/xposer-0.0.20',
      mediaType: { format: 'diff' },
    });
    expect(String(diff.data)).toContain(
      'diff --git a/xposer/requirements.yaml b/xposer/requirements.yaml\n',
    );
  });
});
