import type {
  CodeBuild,
  VersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { DEFAULT_COMMIT_MESSAGE_PATTERN } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { JenkinsBuild } from '../../../upstreams/jenkins/schema';
import { indexHistory } from './repoHistory';
import { resolveBuildVersions, VersionSources } from './resolveVersions';

const sha = (c: string) => c.repeat(40);
const BUILT = sha('a');
const BUMP = sha('b');

const build = (over: Partial<CodeBuild> = {}): CodeBuild => ({
  number: 7,
  url: 'u7',
  result: 'SUCCESS',
  building: false,
  startedAt: '2026-11-29T10:00:00Z',
  durationMs: 1,
  commit: { sha: BUILT, shortSha: 'aaaaaaa', message: 'Merge pull request #3' },
  ...over,
});
const raw = (over: Partial<JenkinsBuild> = {}): JenkinsBuild => ({
  number: 7,
  url: 'u7',
  timestamp: 0,
  displayName: '#7',
  ...over,
});

/** The code repo: the built commit, a `Bump Version to 1.2.3` commit on top, tagged 1.2.3 (and latest). */
const history = indexHistory({
  repo: 'stakater/inventory',
  branch: 'master',
  tags: [
    { name: 'latest', sha: BUMP },
    { name: '1.2.3', sha: BUMP },
  ],
  commits: [
    { sha: BUMP, message: 'Bump Version to 1.2.3', parents: [BUILT] },
    { sha: BUILT, message: 'Merge pull request #3', parents: [sha('9')] },
  ],
  pageSize: 100,
});

function sources(
  over: Partial<VersionSources> = {},
): VersionSources & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    history: async () => {
      calls.push('history');
      return history;
    },
    labelledImages: async () => {
      calls.push('labels');
      return [
        {
          image: 'stakater/inventory',
          tag: '1.2.3',
          revision: BUILT,
          version: '1.2.3',
        },
      ];
    },
    fileAt: async (path, at) => {
      calls.push(`file:${path}@${at.slice(0, 1)}`);
      return at === BUMP ? '1.2.3\n' : '1.2.2\n';
    },
    ...over,
  };
}

const resolve = (
  strategies: VersionStrategy[],
  src = sources(),
  b = build(),
  r = raw(),
) =>
  resolveBuildVersions([{ build: b, raw: r }], {
    strategies,
    isMovingTag: t => t === 'latest',
    sources: src,
  });

describe('resolveBuildVersions: each strategy', () => {
  it('displayName, and #N is no version', async () => {
    expect(
      (
        await resolve(
          [{ kind: 'displayName' }],
          sources(),
          build(),
          raw({ displayName: 'v1.2.3' }),
        )
      ).builds[0],
    ).toMatchObject({
      version: 'v1.2.3',
      versionVia: {
        via: 'displayName',
        detail: `build #7's display name is "v1.2.3"`,
      },
    });
    expect(
      (await resolve([{ kind: 'displayName' }])).builds[0].version,
    ).toBeUndefined();
  });

  it('description and parameter', async () => {
    const r = raw({
      description: '1.2.3',
      actions: [{ parameters: [{ name: 'VERSION', value: '1.2.4' }] }],
    });
    expect(
      (await resolve([{ kind: 'description' }], sources(), build(), r))
        .builds[0].version,
    ).toBe('1.2.3');
    expect(
      (
        await resolve(
          [{ kind: 'parameter', name: 'VERSION' }],
          sources(),
          build(),
          r,
        )
      ).builds[0].versionVia,
    ).toEqual({
      via: 'parameter:VERSION',
      detail: `build #7's parameter VERSION is "1.2.4"`,
    });
  });

  it('gitTag: the tag on the bump commit pushed on top of the built commit, never a moving tag', async () => {
    const { builds, report } = await resolve([{ kind: 'gitTag' }]);
    expect(builds[0].version).toBe('1.2.3');
    expect(builds[0].versionVia?.detail).toBe(
      'tag 1.2.3 points at bbbbbbb ("Bump Version to 1.2.3"), pushed on top of the built commit aaaaaaa',
    );
    expect(report).toEqual([
      { strategy: 'gitTag', matched: 1, tried: 1, error: undefined },
    ]);
  });

  it('gitTag: a tag at the built commit itself', async () => {
    const h = indexHistory({
      repo: 'o/r',
      branch: 'main',
      tags: [{ name: 'v2.0.0', sha: BUILT }],
      commits: [],
      pageSize: 100,
    });
    const { builds } = await resolve(
      [{ kind: 'gitTag' }],
      sources({ history: async () => h }),
    );
    expect(builds[0].versionVia?.detail).toBe(
      'tag v2.0.0 points at aaaaaaa, the built commit',
    );
  });

  it('commitMessage: the built commit, else the bump commit on top of it', async () => {
    const own = build({
      commit: {
        sha: BUILT,
        shortSha: 'aaaaaaa',
        message: 'Bump Version to 1.2.9',
      },
    });
    const pattern = {
      kind: 'commitMessage',
      pattern: DEFAULT_COMMIT_MESSAGE_PATTERN,
    } as const;
    expect((await resolve([pattern], sources(), own)).builds[0].version).toBe(
      '1.2.9',
    );
    const { builds } = await resolve([pattern]);
    expect(builds[0].version).toBe('1.2.3');
    expect(builds[0].versionVia?.detail).toBe(
      'commit bbbbbbb "Bump Version to 1.2.3" was pushed on top of the built commit aaaaaaa',
    );
    const custom = {
      kind: 'commitMessage',
      pattern: '^release (\\S+)',
    } as const;
    expect((await resolve([custom])).builds[0].version).toBeUndefined();
  });

  it('imageLabel: the image whose revision label is the built commit', async () => {
    const { builds } = await resolve([{ kind: 'imageLabel' }]);
    expect(builds[0].versionVia).toEqual({
      via: 'imageLabel',
      detail:
        'image stakater/inventory:1.2.3 is labelled org.opencontainers.image.revision=aaaaaaa',
    });
  });

  it('file: read on the bump commit when the build pushed one (the file at the built commit still says the previous version)', async () => {
    const src = sources();
    const { builds } = await resolve([{ kind: 'file', path: '.version' }], src);
    expect(builds[0].version).toBe('1.2.3');
    expect(src.calls).toContain('file:.version@b');
    const noBump = sources({ history: async () => undefined });
    expect(
      (await resolve([{ kind: 'file', path: '.version' }], noBump)).builds[0]
        .version,
    ).toBe('1.2.2');
  });
});

describe('resolveBuildVersions: order, cost and failures', () => {
  it('takes the first strategy that yields, and reads nothing for the later ones', async () => {
    const src = sources();
    const { builds } = await resolve(
      [{ kind: 'displayName' }, { kind: 'gitTag' }],
      src,
      build(),
      raw({ displayName: '1.2.3' }),
    );
    expect(builds[0].versionVia?.via).toBe('displayName');
    expect(src.calls).toEqual([]);
  });

  it('runs strategies that read outside the build only for released builds', async () => {
    const src = sources();
    const { builds } = await resolve(
      [{ kind: 'gitTag' }, { kind: 'imageLabel' }],
      src,
      build({ result: 'FAILURE' }),
    );
    expect(builds[0].version).toBeUndefined();
    expect(src.calls).toEqual([]);
  });

  it('reports a failing source on its strategy and goes on with the next', async () => {
    const src = sources({
      history: async () => {
        throw new Error('GitHub stakater/inventory tags: HTTP 503');
      },
    });
    const { builds, report } = await resolve(
      [{ kind: 'gitTag' }, { kind: 'imageLabel' }],
      src,
    );
    expect(builds[0].versionVia?.via).toBe('imageLabel');
    expect(report[0]).toMatchObject({
      strategy: 'gitTag',
      matched: 0,
      error: 'GitHub stakater/inventory tags: HTTP 503',
    });
  });
});
