import { failure, startTestGitHub, TestGitHub } from '../../testing';

describe('pull requests', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());
  const repo = { owner: 'gitops', repo: 'config-dev' };

  async function branchWithChange(
    branch: string,
    path: string,
    content: string,
  ) {
    const main = (await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' }))
      .data.object.sha;
    await gh.octokit.git.createRef({
      ...repo,
      ref: `refs/heads/${branch}`,
      sha: main,
    });
    await gh.store.commitFiles(
      'gitops',
      'config-dev',
      branch,
      `change ${path}`,
      { [path]: content },
    );
  }

  it('lists the seeded open pull request, filtered by head and base', async () => {
    const open = await gh.octokit.pulls.list({ ...repo, state: 'open' });
    expect(open.data).toHaveLength(1);
    expect(open.data[0]).toMatchObject({
      number: 1,
      title: 'Promote xposer 0.0.20',
      head: {
        ref: 'promote/xposer-0.0.20',
        label: 'gitops:promote/xposer-0.0.20',
      },
      base: { ref: 'main' },
    });
    expect(
      (
        await gh.octokit.pulls.list({
          ...repo,
          head: 'gitops:promote/xposer-0.0.20',
        })
      ).data,
    ).toHaveLength(1);
    expect(
      (await gh.octokit.pulls.list({ ...repo, head: 'gitops:other' })).data,
    ).toHaveLength(0);
    // GitHub ignores a head filter without the owner prefix.
    expect(
      (await gh.octokit.pulls.list({ ...repo, head: 'other' })).data,
    ).toHaveLength(1);
    expect(
      (await gh.octokit.pulls.list({ ...repo, base: 'other' })).data,
    ).toHaveLength(0);
  });

  it('creates a pull request and refuses a duplicate, a missing head and an empty diff', async () => {
    await branchWithChange('promote/a', 'a.txt', 'a\n');
    const created = await gh.octokit.pulls.create({
      ...repo,
      head: 'promote/a',
      base: 'main',
      title: 'A',
      body: 'body',
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 2,
      state: 'open',
      merged: false,
      mergeable: true,
      commits: 1,
      changed_files: 1,
      additions: 1,
    });
    expect(created.data.html_url).toBe(
      `${gh.baseUrl}/gitops/config-dev/pull/2`,
    );

    const dup = await failure(
      gh.octokit.pulls.create({
        ...repo,
        head: 'gitops:promote/a',
        base: 'main',
        title: 'A again',
      }),
    );
    expect(dup).toMatchObject({
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'A pull request already exists for gitops:promote/a.',
          },
        ],
      },
    });
    const noHead = await failure(
      gh.octokit.pulls.create({
        ...repo,
        head: 'nope',
        base: 'main',
        title: 'x',
      }),
    );
    expect(noHead).toMatchObject({
      status: 422,
      data: {
        errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
      },
    });
    const main = (await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' }))
      .data.object.sha;
    await gh.octokit.git.createRef({
      ...repo,
      ref: 'refs/heads/empty',
      sha: main,
    });
    const missing = await failure(
      gh.octokit.request('POST /repos/{owner}/{repo}/pulls', {
        ...repo,
        base: 'main',
      } as unknown as Parameters<typeof gh.octokit.pulls.create>[0]),
    );
    expect(missing).toMatchObject({
      status: 422,
      data: {
        errors: [
          { resource: 'PullRequest', code: 'missing_field', field: 'head' },
          { resource: 'Issue', code: 'missing_field', field: 'title' },
        ],
      },
    });
    const empty = await failure(
      gh.octokit.pulls.create({
        ...repo,
        head: 'empty',
        base: 'main',
        title: 'x',
      }),
    );
    expect(empty).toMatchObject({
      status: 422,
      data: { errors: [{ message: 'No commits between main and empty' }] },
    });
  });

  it('lists the exact diff of a pull request', async () => {
    const files = await gh.octokit.pulls.listFiles({ ...repo, pull_number: 1 });
    expect(
      files.data.map(f => [f.filename, f.status, f.additions, f.deletions]),
    ).toEqual([['xposer/requirements.yaml', 'modified', 1, 1]]);
    expect(files.data[0].patch).toContain(
      '-    version: 0.0.19\n+    version: 0.0.20',
    );
  });

  it('serves the pull request as a git diff', async () => {
    const res = await gh.octokit.pulls.get({
      ...repo,
      pull_number: 1,
      mediaType: { format: 'diff' },
    });
    expect(String(res.data)).toMatch(
      /^diff --git a\/xposer\/requirements.yaml b\/xposer\/requirements.yaml\nindex [0-9a-f]{7}\.\.[0-9a-f]{7} 100644\n--- a\/xposer\/requirements.yaml\n\+\+\+ b\/xposer\/requirements.yaml\n@@ -1,5 \+1,5 @@\n/,
    );
  });

  it('merges with a real merge commit, moves base and notifies', async () => {
    const before = (await gh.octokit.git.getRef({ ...repo, ref: 'heads/main' }))
      .data.object.sha;
    const pr = await gh.octokit.pulls.get({ ...repo, pull_number: 1 });
    const merged = await gh.octokit.pulls.merge({
      ...repo,
      pull_number: 1,
      sha: pr.data.head.sha,
    });
    expect(merged.data).toMatchObject({
      merged: true,
      message: 'Pull Request successfully merged',
    });
    const commit = await gh.octokit.git.getCommit({
      ...repo,
      commit_sha: merged.data.sha,
    });
    expect(commit.data.parents.map(p => p.sha)).toEqual([
      before,
      pr.data.head.sha,
    ]);
    expect(commit.data.message).toBe(
      'Merge pull request #1 from gitops/promote/xposer-0.0.20\n\nPromote xposer 0.0.20',
    );
    expect(await gh.store.headSha('gitops', 'config-dev', 'main')).toBe(
      merged.data.sha,
    );
    expect(
      await gh.store.readFile(
        'gitops',
        'config-dev',
        'main',
        'xposer/requirements.yaml',
      ),
    ).toContain('version: 0.0.20');
    expect(gh.merged).toEqual([
      {
        owner: 'gitops',
        repo: 'config-dev',
        number: 1,
        base: 'main',
        mergeCommitSha: merged.data.sha,
        mergedBy: 'delivery-bot',
      },
    ]);
    const after = await gh.octokit.pulls.get({ ...repo, pull_number: 1 });
    expect(after.data).toMatchObject({
      state: 'closed',
      merged: true,
      merge_commit_sha: merged.data.sha,
      merged_by: { login: 'delivery-bot' },
    });
    expect(
      (await failure(gh.octokit.pulls.merge({ ...repo, pull_number: 1 })))
        .status,
    ).toBe(405);
  });

  it('squash-merges line-level changes on top of a moved base', async () => {
    await branchWithChange(
      'promote/b',
      'xposer/values.yaml',
      'xposer:\n  image:\n    tag: v0.0.20\n',
    );
    const pr = await gh.octokit.pulls.create({
      ...repo,
      head: 'promote/b',
      base: 'main',
      title: 'B',
    });
    await gh.store.commitFiles('gitops', 'config-dev', 'main', 'unrelated', {
      'other.txt': 'x\n',
    });
    const res = await gh.octokit.pulls.merge({
      ...repo,
      pull_number: pr.data.number,
      merge_method: 'squash',
    });
    const commit = await gh.octokit.git.getCommit({
      ...repo,
      commit_sha: res.data.sha,
    });
    expect(commit.data.parents).toHaveLength(1);
    expect(commit.data.message.split('\n')[0]).toBe('B (#3)');
    expect(
      await gh.store.readFile(
        'gitops',
        'config-dev',
        'main',
        'xposer/values.yaml',
      ),
    ).toContain('v0.0.20');
    expect(
      await gh.store.readFile('gitops', 'config-dev', 'main', 'other.txt'),
    ).toBe('x\n');
  });

  it('refuses conflicting merges with 405 and a stale head sha with 409', async () => {
    await branchWithChange('promote/c', 'conflict.txt', 'branch\n');
    const pr = await gh.octokit.pulls.create({
      ...repo,
      head: 'promote/c',
      base: 'main',
      title: 'C',
    });
    expect(
      (
        await failure(
          gh.octokit.pulls.merge({
            ...repo,
            pull_number: pr.data.number,
            sha: 'a'.repeat(40),
          }),
        )
      ).status,
    ).toBe(409);
    await gh.store.commitFiles('gitops', 'config-dev', 'main', 'conflicting', {
      'conflict.txt': 'main\n',
    });
    expect(
      (await gh.octokit.pulls.get({ ...repo, pull_number: pr.data.number }))
        .data,
    ).toMatchObject({ mergeable: false, mergeable_state: 'dirty' });
    const err = await failure(
      gh.octokit.pulls.merge({ ...repo, pull_number: pr.data.number }),
    );
    expect(err).toMatchObject({
      status: 405,
      data: { message: 'Pull Request is not mergeable' },
    });
  });

  it('closes pull requests with PATCH', async () => {
    const closed = await gh.octokit.pulls.update({
      ...repo,
      pull_number: 2,
      state: 'closed',
    });
    expect(closed.data).toMatchObject({ state: 'closed', merged: false });
    expect(
      (await gh.octokit.pulls.list({ ...repo, state: 'closed' })).data
        .map(p => p.number)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it('creates exactly one pull request under concurrency', async () => {
    await branchWithChange('promote/d', 'd.txt', 'd\n');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        gh.octokit.pulls.create({
          ...repo,
          head: 'promote/d',
          base: 'main',
          title: 'D',
        }),
      ),
    );
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
  });
});
