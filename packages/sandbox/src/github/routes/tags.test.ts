import { failure, startTestGitHub, testSeeds, TestGitHub } from '../../testing';

/** Keys of GitHub's `tag` and `git-tag` schemas (octokit openapi `components.schemas`). */
const tagKeys = ['commit', 'name', 'node_id', 'tarball_url', 'zipball_url'];
const gitTagKeys = [
  'message',
  'node_id',
  'object',
  'sha',
  'tag',
  'tagger',
  'url',
  'verification',
];

describe('tags', () => {
  let gh: TestGitHub;
  const repo = { owner: 'stakater', repo: 'xposer' };
  beforeAll(async () => {
    const seeds = testSeeds();
    seeds[0].tags = [
      { name: 'v0.0.9', target: 'x1' },
      {
        name: 'v0.0.10',
        target: 'x2',
        annotation: {
          message: 'Release v0.0.10',
          tagger: { name: 'stakater-user', email: 'stakater@gmail.com' },
          date: '2024-01-02T10:05:00Z',
        },
      },
    ];
    gh = await startTestGitHub(seeds);
    for (let i = 0; i < 3; i++)
      await gh.store.createTag(
        'stakater',
        'xposer',
        `0.1.${i}`,
        gh.store.commitSha('stakater', 'xposer', 'x1')!,
      );
  });
  afterAll(() => gh.close());
  const x1 = () => gh.store.commitSha('stakater', 'xposer', 'x1')!;
  const x2 = () => gh.store.commitSha('stakater', 'xposer', 'x2')!;

  it('lists tags newest version first, annotated tags peeled to their commit', async () => {
    const { data, headers } = await gh.octokit.repos.listTags(repo);
    expect(headers.link).toBeUndefined();
    expect(data.map(t => t.name)).toEqual([
      'v0.0.10',
      'v0.0.9',
      '0.1.2',
      '0.1.1',
      '0.1.0',
    ]);
    expect(Object.keys(data[0]).sort()).toEqual(tagKeys);
    expect(data[0]).toEqual({
      name: 'v0.0.10',
      commit: {
        sha: x2(),
        url: `${gh.apiBaseUrl}/repos/stakater/xposer/commits/${x2()}`,
      },
      zipball_url: `${gh.apiBaseUrl}/repos/stakater/xposer/zipball/refs/tags/v0.0.10`,
      tarball_url: `${gh.apiBaseUrl}/repos/stakater/xposer/tarball/refs/tags/v0.0.10`,
      node_id: expect.any(String),
    });
    expect(data[1].commit.sha).toBe(x1());
  });

  it('pages with per_page and page and a Link header', async () => {
    const first = await gh.octokit.repos.listTags({ ...repo, per_page: 2 });
    expect(first.data.map(t => t.name)).toEqual(['v0.0.10', 'v0.0.9']);
    expect(first.headers.link).toMatch(
      /page=2.*rel="next".*page=3.*rel="last"/,
    );
    const all = await gh.octokit.paginate(gh.octokit.repos.listTags, {
      ...repo,
      per_page: 2,
    });
    expect(all).toHaveLength(5);
    const big = await gh.octokit.repos.listTags({ ...repo, per_page: 500 });
    expect(big.data).toHaveLength(5);
  });

  it('shows tag refs: lightweight to the commit, annotated to a tag object', async () => {
    const light = await gh.octokit.git.getRef({ ...repo, ref: 'tags/v0.0.9' });
    expect(light.data.object).toEqual({
      type: 'commit',
      sha: x1(),
      url: `${gh.apiBaseUrl}/repos/stakater/xposer/git/commits/${x1()}`,
    });
    const annotated = await gh.octokit.git.getRef({
      ...repo,
      ref: 'tags/v0.0.10',
    });
    expect(annotated.data.ref).toBe('refs/tags/v0.0.10');
    expect(annotated.data.object.type).toBe('tag');
    expect(annotated.data.object.sha).not.toBe(x2());
    const tag = await gh.octokit.git.getTag({
      ...repo,
      tag_sha: annotated.data.object.sha,
    });
    expect(Object.keys(tag.data).sort()).toEqual(gitTagKeys);
    expect(tag.data).toMatchObject({
      tag: 'v0.0.10',
      sha: annotated.data.object.sha,
      message: 'Release v0.0.10\n',
      tagger: {
        name: 'stakater-user',
        email: 'stakater@gmail.com',
        date: '2024-01-02T10:05:00Z',
      },
      object: {
        type: 'commit',
        sha: x2(),
        url: `${gh.apiBaseUrl}/repos/stakater/xposer/git/commits/${x2()}`,
      },
      verification: { verified: false, reason: 'unsigned' },
    });
    const matching = await gh.octokit.git.listMatchingRefs({
      ...repo,
      ref: 'tags/v',
    });
    expect(matching.data.map(r => [r.ref, r.object.type])).toEqual([
      ['refs/tags/v0.0.10', 'tag'],
      ['refs/tags/v0.0.9', 'commit'],
    ]);
  });

  it('resolves tags as refs (contents, commits) and 404s unknown tag objects', async () => {
    const commit = await gh.octokit.repos.getCommit({
      ...repo,
      ref: 'v0.0.10',
    });
    expect(commit.data.sha).toBe(x2());
    expect(
      await gh.store.readFile('stakater', 'xposer', 'v0.0.10', 'README.md'),
    ).toBe('# xposer\n');
    expect(
      await failure(gh.octokit.git.getTag({ ...repo, tag_sha: x2() })),
    ).toMatchObject({ status: 404, data: { message: 'Not Found' } });
  });
});
