import { byDepth, namedPathPruner } from './pruner';

const prop = (name: string, visibility = 1) => ({ name, visibility });

describe('namedPathPruner (stapler NamedPathPruner.accept)', () => {
  it('uses the named entry, else *, and hands down that subtree', () => {
    const p = namedPathPruner('name,builds[number]{0,2},*[url]');
    expect(p.accept(prop('name'))!.accept(prop('x'))).toBeUndefined();
    const builds = p.accept(prop('builds'))!;
    expect(builds.range).toEqual({ min: 0, max: 2 });
    expect(builds.accept(prop('number'))).toBeDefined();
    expect(builds.accept(prop('url'))).toBeUndefined();
    const other = p.accept(prop('anything'))!;
    expect(other.accept(prop('url'))).toBeDefined();
    expect(other.accept(prop('name'))).toBeUndefined();
  });

  it('ignores visibility', () => {
    expect(
      namedPathPruner('allBuilds').accept(prop('allBuilds', -2)),
    ).toBeDefined();
  });
});

describe('byDepth (stapler TreePruner.ByDepth(1 - depth))', () => {
  it('shows fewer properties one level down', () => {
    const top = byDepth(0);
    const nested = top.accept(prop('builds'))!;
    expect(nested.accept(prop('result', 1))).toBeUndefined();
    expect(nested.accept(prop('number', 2))).toBeDefined();
    expect(top.accept(prop('allBuilds', -2))).toBeUndefined();
  });

  it('moves the cut with depth, including negative depths', () => {
    expect(byDepth(1).accept(prop('a'))!.accept(prop('b', 1))).toBeDefined();
    expect(byDepth(3).accept(prop('allBuilds', -2))).toBeDefined();
    expect(byDepth(-1).accept(prop('description', 1))).toBeUndefined();
    expect(byDepth(-1).accept(prop('name', 2))).toBeDefined();
  });
});
