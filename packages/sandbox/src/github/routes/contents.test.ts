import {
  failure,
  startTestGitHub,
  TestGitHub,
  TEST_GITHUB_TOKEN,
} from '../../testing';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('contents API', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());
  const repo = { owner: 'gitops', repo: 'config-dev' };

  describe('GET /repos/{o}/{r}/contents/{path}', () => {
    it('returns a file with GitHub base64 (60-char lines) and the blob sha', async () => {
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'xposer/values.yaml',
      });
      if (Array.isArray(data) || data.type !== 'file')
        throw new Error('expected a file');
      expect(data).toMatchObject({
        name: 'values.yaml',
        path: 'xposer/values.yaml',
        encoding: 'base64',
      });
      expect(data.content.split('\n').every(l => l.length <= 60)).toBe(true);
      expect(data.content.endsWith('\n')).toBe(true);
      expect(Buffer.from(data.content, 'base64').toString()).toBe(
        'xposer:\n  image:\n    tag: v0.0.19\n',
      );
      const blob = await gh.octokit.git.getBlob({
        ...repo,
        file_sha: data.sha,
      });
      expect(Buffer.from(blob.data.content, 'base64').toString()).toContain(
        'v0.0.19',
      );
      expect(data.url).toBe(
        `${gh.apiBaseUrl}/repos/gitops/config-dev/contents/xposer/values.yaml?ref=main`,
      );
      expect(data.html_url).toBe(
        `${gh.baseUrl}/gitops/config-dev/blob/main/xposer/values.yaml`,
      );
    });

    it('base64-wraps long files at 60 characters', async () => {
      await gh.store.commitFiles('gitops', 'config-dev', 'main', 'long', {
        'long.txt': 'x'.repeat(200),
      });
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'long.txt',
      });
      if (Array.isArray(data) || data.type !== 'file')
        throw new Error('expected a file');
      const lines = data.content.split('\n');
      expect(lines[0]).toHaveLength(60);
      expect(lines[lines.length - 1]).toBe('');
    });

    it('omits the content of files over 1 MB (encoding none) but serves them raw', async () => {
      await gh.store.commitFiles('gitops', 'config-dev', 'main', 'big', {
        'big.txt': 'x'.repeat(1024 * 1024 + 1),
      });
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'big.txt',
      });
      expect(data).toMatchObject({
        encoding: 'none',
        content: '',
        size: 1024 * 1024 + 1,
      });
      const raw = await fetch(
        `${gh.apiBaseUrl}/repos/gitops/config-dev/contents/big.txt`,
        {
          headers: {
            authorization: `token ${TEST_GITHUB_TOKEN}`,
            accept: 'application/vnd.github.raw',
          },
        },
      );
      expect((await raw.text()).length).toBe(1024 * 1024 + 1);
      await gh.store.commitFiles('gitops', 'config-dev', 'main', 'rm big', {
        'big.txt': null,
      });
    });

    it('lists directories and honours ref', async () => {
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'xposer',
        ref: 'promote/xposer-0.0.20',
      });
      if (!Array.isArray(data)) throw new Error('expected a directory');
      expect(data.map(e => [e.name, e.type])).toEqual([
        ['requirements.yaml', 'file'],
        ['values.yaml', 'file'],
      ]);
      const root = await gh.octokit.repos.getContent({ ...repo, path: '' });
      expect(Array.isArray(root.data) && root.data[0]).toMatchObject({
        name: 'long.txt',
      });
    });

    it('serves raw content for the raw media type and 404s for missing paths and refs', async () => {
      const res = await fetch(
        `${gh.apiBaseUrl}/repos/gitops/config-dev/contents/xposer/values.yaml`,
        {
          headers: {
            authorization: `token ${TEST_GITHUB_TOKEN}`,
            accept: 'application/vnd.github.raw',
          },
        },
      );
      expect(await res.text()).toContain('tag: v0.0.19');
      expect(
        (
          await failure(
            gh.octokit.repos.getContent({ ...repo, path: 'nope.yaml' }),
          )
        ).status,
      ).toBe(404);
      const err = await failure(
        gh.octokit.repos.getContent({ ...repo, path: 'xposer', ref: 'nope' }),
      );
      expect(err).toMatchObject({
        status: 404,
        data: { message: 'No commit found for the ref nope' },
      });
    });

    it('serves download_url raw files', async () => {
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'xposer/values.yaml',
      });
      if (Array.isArray(data) || !data.download_url)
        throw new Error('expected a file');
      expect(await (await fetch(data.download_url)).text()).toContain(
        'tag: v0.0.19',
      );
    });
  });

  describe('PUT /repos/{o}/{r}/contents/{path}', () => {
    it('creates (201) and updates (200) files with real commits', async () => {
      const created = await gh.octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: 'new/file.txt',
        message: 'add',
        content: b64('one\n'),
      });
      expect(created.status).toBe(201);
      expect(created.data.commit.message).toBe('add');
      const sha = created.data.content!.sha!;
      const updated = await gh.octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: 'new/file.txt',
        message: 'update',
        content: b64('two\n'),
        sha,
      });
      expect(updated.status).toBe(200);
      expect(updated.data.commit.parents?.[0].sha).toBe(
        created.data.commit.sha,
      );
      expect(
        await gh.store.readFile('gitops', 'config-dev', 'main', 'new/file.txt'),
      ).toBe('two\n');
      expect(await gh.store.headSha('gitops', 'config-dev', 'main')).toBe(
        updated.data.commit.sha,
      );
    });

    it('answers 409 for a stale sha and 422 when the sha is missing', async () => {
      const stale = await failure(
        gh.octokit.repos.createOrUpdateFileContents({
          ...repo,
          path: 'new/file.txt',
          message: 'x',
          content: b64('3'),
          sha: 'deadbeef',
        }),
      );
      expect(stale).toMatchObject({
        status: 409,
        data: { message: 'new/file.txt does not match deadbeef' },
      });
      const missing = await failure(
        gh.octokit.repos.createOrUpdateFileContents({
          ...repo,
          path: 'new/file.txt',
          message: 'x',
          content: b64('3'),
        }),
      );
      expect(missing).toMatchObject({
        status: 422,
        data: { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' },
      });
    });

    it('writes to another branch and 404s for an unknown branch', async () => {
      const res = await gh.octokit.repos.createOrUpdateFileContents({
        ...repo,
        path: 'b.txt',
        message: 'on branch',
        content: b64('b'),
        branch: 'promote/xposer-0.0.20',
      });
      expect(res.data.content?.url).toContain('?ref=promote');
      expect(
        await gh.store.readFile('gitops', 'config-dev', 'main', 'b.txt'),
      ).toBeUndefined();
      const err = await failure(
        gh.octokit.repos.createOrUpdateFileContents({
          ...repo,
          path: 'b.txt',
          message: 'x',
          content: b64('b'),
          branch: 'nope',
        }),
      );
      expect(err.status).toBe(404);
    });

    it('serializes concurrent compare-and-swap writes: exactly one wins', async () => {
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'xposer/values.yaml',
      });
      if (Array.isArray(data)) throw new Error('expected a file');
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          gh.octokit.repos.createOrUpdateFileContents({
            ...repo,
            path: 'xposer/values.yaml',
            message: `w${i}`,
            content: b64(`v${i}\n`),
            sha: data.sha,
          }),
        ),
      );
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('deletes files with a sha', async () => {
      const { data } = await gh.octokit.repos.getContent({
        ...repo,
        path: 'new/file.txt',
      });
      if (Array.isArray(data)) throw new Error('expected a file');
      const res = await gh.octokit.repos.deleteFile({
        ...repo,
        path: 'new/file.txt',
        message: 'rm',
        sha: data.sha,
      });
      expect(res.data.content).toBeNull();
      expect(
        await gh.store.readFile('gitops', 'config-dev', 'main', 'new/file.txt'),
      ).toBeUndefined();
    });
  });
});
