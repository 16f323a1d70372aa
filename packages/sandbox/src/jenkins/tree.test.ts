import { Bean, parseTree, renderDepth, renderTree, type Node } from './tree';

const build = (n: number): Bean =>
  new Bean(
    'Run',
    () => ({
      number: n,
      url: `u/${n}/`,
      result: 'SUCCESS',
      actions: [new Bean('A', () => ({ x: 1 }), 'all'), {}],
    }),
    ['number', 'url'],
  );
const job: Node = new Bean(
  'Job',
  () => ({
    name: 'j',
    builds: [build(3), build(2), build(1)],
    lastBuild: build(3),
  }),
  ['name'],
);

describe('tree', () => {
  it('parses nested specs and ranges', () => {
    expect(parseTree('jobs[name,builds[number]{0,5}],name')).toEqual([
      {
        name: 'jobs',
        children: [
          { name: 'name' },
          {
            name: 'builds',
            children: [{ name: 'number' }],
            range: { from: 0, to: 5 },
          },
        ],
      },
      { name: 'name' },
    ]);
    expect(parseTree('a{2,}')[0].range).toEqual({ from: 2, to: undefined });
    expect(parseTree('a{,3}')[0].range).toEqual({ from: undefined, to: 3 });
    expect(parseTree('a{1}')[0].range).toEqual({ from: 1, to: 2 });
    expect(() => parseTree('a[b')).toThrow('Invalid tree spec');
  });

  it('renders only the requested properties, keeping _class', () => {
    expect(renderTree(job, parseTree('builds[number]{1,},lastBuild'))).toEqual({
      _class: 'Job',
      builds: [
        { _class: 'Run', number: 2 },
        { _class: 'Run', number: 1 },
      ],
      lastBuild: { _class: 'Run' },
    });
    expect(renderTree(job, parseTree('builds[actions[x]]{,1}'))).toEqual({
      _class: 'Job',
      builds: [{ _class: 'Run', actions: [{ _class: 'A', x: 1 }, {}] }],
    });
  });

  it('shows tree-only properties only through tree', () => {
    const bean = new Bean('J', () => ({ a: 1, all: [1, 2] }), ['a'], ['all']);
    expect(renderDepth(bean, 0)).toEqual({ _class: 'J', a: 1 });
    expect(renderTree(bean, parseTree('all'))).toEqual({
      _class: 'J',
      all: [1, 2],
    });
  });

  it('renders nested beans as summaries beyond depth', () => {
    const d0 = renderDepth(job, 0) as { builds: unknown[]; lastBuild: unknown };
    expect(d0.builds[0]).toEqual({ _class: 'Run', number: 3, url: 'u/3/' });
    const d1 = renderDepth(job, 1) as {
      lastBuild: { result: string; actions: unknown[] };
    };
    expect(d1.lastBuild.result).toBe('SUCCESS');
    expect(d1.lastBuild.actions).toEqual([{ _class: 'A', x: 1 }, {}]);
  });
});
