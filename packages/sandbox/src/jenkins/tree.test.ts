import { Bean, parseTree, renderDepth, renderTree, type Node } from './tree';

const revision = { SHA1: 'abc', branch: [{ SHA1: 'abc', name: 'main' }] };
const buildData = new Bean(
  'hudson.plugins.git.util.BuildData',
  () => ({
    buildsByBranchName: new Map([
      [
        'main',
        new Bean(
          'hudson.plugins.git.util.Build',
          () => ({ buildNumber: 3, marked: revision, revision }),
          'all',
        ),
      ],
    ]),
    lastBuiltRevision: revision,
    remoteUrls: ['https://git/x.git'],
  }),
  'all',
);
const build = (n: number): Bean =>
  new Bean(
    'Run',
    () => ({
      number: n,
      url: `u/${n}/`,
      result: 'SUCCESS',
      actions: [new Bean('A', () => ({ x: 1 }), 'all'), {}, buildData],
    }),
    ['number', 'url'],
  );
const job: Node = new Bean(
  'Job',
  () => ({
    name: 'j',
    builds: [build(3), build(2), build(1)],
    lastBuild: build(3),
    allBuilds: [build(3), build(2), build(1)],
    views: [{ _class: 'AllView', name: 'all' }],
  }),
  ['name'],
  ['allBuilds'],
);

describe('renderTree (stapler NamedPathPruner + Property.writeValue)', () => {
  it('writes only the named properties, keeping _class of every bean', () => {
    expect(
      renderTree(job, parseTree('builds[number]{1,},lastBuild,views[name]')),
    ).toEqual({
      _class: 'Job',
      builds: [
        { _class: 'Run', number: 2 },
        { _class: 'Run', number: 1 },
      ],
      lastBuild: { _class: 'Run' },
      views: [{ _class: 'AllView', name: 'all' }],
    });
  });

  it('applies the nested selector of * to every field', () => {
    expect(renderTree(job, 'lastBuild[actions[*[*]]]')).toEqual({
      _class: 'Job',
      lastBuild: {
        _class: 'Run',
        actions: [
          { _class: 'A', x: 1 },
          {},
          {
            _class: 'hudson.plugins.git.util.BuildData',
            buildsByBranchName: {
              main: {
                _class: 'hudson.plugins.git.util.Build',
                buildNumber: 3,
                marked: {},
                revision: {},
              },
            },
            lastBuiltRevision: { SHA1: 'abc', branch: [{}] },
            remoteUrls: ['https://git/x.git'],
          },
        ],
      },
    });
  });

  it('writes map entries at the map level (the community plugin spec)', () => {
    const out = renderTree(job, 'lastBuild[number,actions[*[*[*[*]]]]]') as {
      lastBuild: { actions: Array<Record<string, unknown>> };
    };
    expect(out.lastBuild.actions[2]).toEqual({
      _class: 'hudson.plugins.git.util.BuildData',
      buildsByBranchName: {
        main: {
          _class: 'hudson.plugins.git.util.Build',
          buildNumber: 3,
          marked: { SHA1: 'abc', branch: [{ SHA1: 'abc', name: 'main' }] },
          revision: { SHA1: 'abc', branch: [{ SHA1: 'abc', name: 'main' }] },
        },
      },
      lastBuiltRevision: {
        SHA1: 'abc',
        branch: [{ SHA1: 'abc', name: 'main' }],
      },
      remoteUrls: ['https://git/x.git'],
    });
    // A map's entries take the map's own selector: `[revision[SHA1]]`, not `[SHA1]`.
    const bd = renderTree(buildData, 'buildsByBranchName[revision[SHA1]]') as {
      buildsByBranchName: unknown;
    };
    expect(bd.buildsByBranchName).toEqual({
      main: {
        _class: 'hudson.plugins.git.util.Build',
        revision: { SHA1: 'abc' },
      },
    });
  });

  it('prefers a named child over *, and a range applies to each array', () => {
    expect(renderTree(job, '*[number]{0,1},name')).toEqual({
      _class: 'Job',
      name: 'j',
      builds: [{ _class: 'Run', number: 3 }],
      lastBuild: { _class: 'Run', number: 3 },
      allBuilds: [{ _class: 'Run', number: 3 }],
      views: [{ _class: 'AllView' }],
    });
    expect(renderTree(job, 'builds[actions[x]]{,1}')).toEqual({
      _class: 'Job',
      builds: [
        {
          _class: 'Run',
          actions: [
            { _class: 'A', x: 1 },
            {},
            { _class: 'hudson.plugins.git.util.BuildData' },
          ],
        },
      ],
    });
  });
});

describe('renderDepth (stapler ByDepth)', () => {
  it('renders nested beans with their visibility-2 properties beyond depth', () => {
    const d0 = renderDepth(job, 0) as { builds: unknown[]; lastBuild: unknown };
    expect(d0.builds[0]).toEqual({ _class: 'Run', number: 3, url: 'u/3/' });
    expect(d0).not.toHaveProperty('allBuilds');
    const d1 = renderDepth(job, 1) as {
      lastBuild: {
        result: string;
        actions: Array<{ buildsByBranchName?: unknown }>;
      };
    };
    expect(d1.lastBuild.result).toBe('SUCCESS');
    expect(d1.lastBuild.actions[2].buildsByBranchName).toEqual({
      main: {
        _class: 'hudson.plugins.git.util.Build',
        buildNumber: 3,
        marked: revision,
        revision,
      },
    });
  });

  it('shows visibility -2 properties (allBuilds) from depth 3 on, and less below 0', () => {
    expect(renderDepth(job, 3)).toHaveProperty('allBuilds');
    expect(renderDepth(job, -1)).toEqual({ _class: 'Job', name: 'j' });
  });
});
