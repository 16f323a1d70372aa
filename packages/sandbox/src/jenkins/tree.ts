/** A JSON value whose exported beans are rendered lazily (Jenkins `@ExportedBean`). */
export type Node =
  | null
  | string
  | number
  | boolean
  | Node[]
  | Bean
  | { [key: string]: Node };

/** An exported object: `_class`, all properties, and the ones shown when nested too deep. */
export class Bean {
  constructor(
    readonly cls: string | undefined,
    readonly props: () => Record<string, Node>,
    /** Keys shown beyond `depth` (e.g. `number`, `url`); `'all'` for inline objects like actions. */
    readonly summary: string[] | 'all',
    /** Properties only a `tree=` shows (e.g. `allBuilds`). */
    readonly treeOnly: string[] = [],
  ) {}
}

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/** One element of a `tree=` spec. */
export interface TreeItem {
  name: string;
  children?: TreeItem[];
  range?: { from?: number; to?: number };
}

/** Parses a Jenkins `tree=` spec (`jobs[name,builds[number,result]{0,5}],name`). */
export function parseTree(spec: string): TreeItem[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`Invalid tree spec at ${i}: ${msg}`);
  };
  const list = (): TreeItem[] => {
    const items: TreeItem[] = [];
    for (;;) {
      const m = /^[A-Za-z0-9_$*.-]+/.exec(spec.slice(i));
      if (!m) fail('expected a property name');
      const item: TreeItem = { name: m![0] };
      i += m![0].length;
      if (spec[i] === '[') {
        i++;
        item.children = list();
        if (spec[i] !== ']') fail('expected ]');
        i++;
      }
      if (spec[i] === '{') {
        const r = /^\{(\d*)(,?)(\d*)\}/.exec(spec.slice(i));
        if (!r || (!r[1] && !r[3])) fail('expected {M,N}');
        const from = r![1] ? Number(r![1]) : undefined;
        let to: number | undefined = (from ?? 0) + 1;
        if (r![2]) to = r![3] ? Number(r![3]) : undefined;
        item.range = { from, to };
        i += r![0].length;
      }
      items.push(item);
      if (spec[i] !== ',') return items;
      i++;
    }
  };
  const items = list();
  if (i !== spec.length) fail('unexpected character');
  return items;
}

function slice<T>(arr: T[], range?: TreeItem['range']): T[] {
  return range ? arr.slice(range.from ?? 0, range.to ?? arr.length) : arr;
}

/** Renders with `depth` (top-level beans full, nested beans beyond depth show their summary). */
export function renderDepth(node: Node, depth: number, level = 0): Json {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(n => renderDepth(n, depth, level));
  if (node instanceof Bean) {
    const full = node.summary === 'all' || level <= depth;
    const props = node.props();
    const out: Record<string, Json> = node.cls ? { _class: node.cls } : {};
    const nextLevel = node.summary === 'all' ? level : level + 1;
    for (const [k, v] of Object.entries(props)) {
      if (node.treeOnly.includes(k)) continue;
      if (full || (node.summary as string[]).includes(k))
        out[k] = renderDepth(v, depth, nextLevel);
    }
    return out;
  }
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = renderDepth(v, depth, level);
  return out;
}

/** Renders only what a `tree=` spec asks for (`_class` is always kept on beans). */
export function renderTree(node: Node, tree: TreeItem[] | undefined): Json {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(n => renderTree(n, tree));
  const isBean = node instanceof Bean;
  const out: Record<string, Json> =
    isBean && node.cls ? { _class: node.cls } : {};
  if (!tree) return out;
  const props = isBean ? node.props() : node;
  const wanted: TreeItem[] = tree.some(t => t.name === '*')
    ? Object.keys(props).map(name => ({ name }))
    : tree;
  for (const item of wanted) {
    if (!(item.name in props)) continue;
    const value = props[item.name];
    out[item.name] = Array.isArray(value)
      ? slice(value, item.range).map(v => renderTree(v, item.children))
      : renderTree(value, item.children);
  }
  return out;
}
