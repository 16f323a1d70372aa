import { ALL, applyRange, parseTree, type TreeSpec } from './treeSpec';

/** A parsed spec as plain data: `{ name: [children, range?] }`. */
function plain(t: TreeSpec): unknown {
  return Object.fromEntries(
    [...t.children].map(([k, v]) => [
      k,
      v.range === ALL ? plain(v) : { ...(plain(v) as object), $range: v.range },
    ]),
  );
}

describe('parseTree (stapler NamedPathPruner.parse)', () => {
  it('parses nested lists and every range form', () => {
    expect(plain(parseTree('jobs[name,builds[number]{0,5}],name'))).toEqual({
      jobs: { name: {}, builds: { number: {}, $range: { min: 0, max: 5 } } },
      name: {},
    });
    const range = (s: string) => parseTree(s).children.get('a')!.range;
    expect(range('a{2,}')).toEqual({ min: 2, max: ALL.max });
    expect(range('a{,3}')).toEqual({ min: 0, max: 3 });
    expect(range('a{1}')).toEqual({ min: 1, max: 2 });
    expect(range('a[b]{1,3}')).toEqual({ min: 1, max: 3 });
  });

  it('takes anything but , [ ] { } as a name, and the last of a repeated name', () => {
    expect(plain(parseTree('*[*],a b,$x.y'))).toEqual({
      '*': { '*': {} },
      'a b': {},
      '$x.y': {},
    });
    expect(plain(parseTree('a[x],a[y]'))).toEqual({ a: { y: {} } });
  });

  it('rejects malformed specs with stapler-like messages', () => {
    expect(() => parseTree('')).toThrow('expected name at 0');
    expect(() => parseTree('a,')).toThrow('expected name at 2');
    expect(() => parseTree('a[]')).toThrow('expected name at 2');
    expect(() => parseTree('a[b')).toThrow('expected RBRACE at 3');
    expect(() => parseTree('a{}')).toThrow('expected number at 2');
    expect(() => parseTree('a{x}')).toThrow('expected number at 2');
    expect(() => parseTree('a]')).toThrow('expected EOF at 1');
  });
});

describe('applyRange (stapler Range.apply)', () => {
  it('keeps [min, max) and copes with out-of-bounds limits', () => {
    const xs = [0, 1, 2, 3, 4];
    expect(applyRange(xs, { min: 1, max: 3 })).toEqual([1, 2]);
    expect(applyRange(xs, { min: 4, max: 100 })).toEqual([4]);
    expect(applyRange(xs, { min: 7, max: 9 })).toEqual([]);
    expect(applyRange(xs, { min: 3, max: 1 })).toEqual([]);
    expect(applyRange(xs, ALL)).toEqual(xs);
  });
});
