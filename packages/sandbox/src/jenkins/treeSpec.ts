/**
 * The `tree=` parameter, parsed like stapler's `NamedPathPruner.parse`
 * (jenkinsci/stapler `core/src/main/java/org/kohsuke/stapler/export/NamedPathPruner.java`).
 */

/** Elements `[min, max)` of an array (stapler's `Range`). */
export interface Range {
  min: number;
  max: number;
}

/** Every element (`Range.ALL`). */
export const ALL: Range = { min: 0, max: Number.MAX_SAFE_INTEGER };

/** One level of a `tree=` spec: the named children (`*` = any other) and the range. */
export interface TreeSpec {
  children: Map<string, TreeSpec>;
  range: Range;
}

/** Like stapler's `Range.apply`: at most `max` elements, then drop the first `min`. */
export function applyRange<T>(items: readonly T[], range: Range): T[] {
  return items.slice(0, range.max).slice(range.min);
}

const SPECIAL = ',[]{}';

/**
 * Parses `jobs[name,builds[number]{0,5}],*`. Names are anything but `,[]{}`; a name given
 * twice keeps its last subtree (a `TreeMap.put`). Throws `expected ... at N` as stapler does.
 */
export function parseTree(spec: string): TreeSpec {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`expected ${what} at ${pos}`);
  };
  const peekToken = (): string | undefined =>
    pos < spec.length && SPECIAL.includes(spec[pos]) ? spec[pos] : undefined;
  const expect = (token: string, what: string) => {
    if (spec[pos] !== token) fail(what);
    pos++;
  };
  const name = (): string => {
    let end = pos;
    while (end < spec.length && !SPECIAL.includes(spec[end])) end++;
    return spec.slice(pos, end);
  };
  const number = (): number => {
    const n = peekToken() === undefined ? name() : '';
    if (!/^[0-9]+$/.test(n)) fail('number');
    pos += n.length;
    return Number(n);
  };
  const range = (): Range => {
    if (spec[pos] === ',') {
      pos++;
      return { min: 0, max: number() }; // {,M}
    }
    const min = number();
    if (spec[pos] === '}') return { min, max: min + 1 }; // {N}
    expect(',', 'COMMA');
    if (spec[pos] === '}') return { min, max: ALL.max }; // {N,}
    return { min, max: number() }; // {N,M}
  };
  const list = (into: TreeSpec): void => {
    for (;;) {
      if (pos >= spec.length || peekToken() !== undefined) fail('name');
      const key = name();
      pos += key.length;
      const sub: TreeSpec = { children: new Map(), range: ALL };
      into.children.set(key, sub);
      if (spec[pos] === '[') {
        pos++;
        list(sub);
        expect(']', 'RBRACE');
      }
      if (spec[pos] === '{') {
        pos++;
        sub.range = range();
        expect('}', 'QRBRACE');
      }
      if (spec[pos] !== ',') return;
      pos++;
    }
  };
  const root: TreeSpec = { children: new Map(), range: ALL };
  list(root);
  if (pos !== spec.length) fail('EOF');
  return root;
}
