import { byDepth, namedPathPruner, type TreePruner } from './pruner';
import { applyRange, type TreeSpec } from './treeSpec';

export { parseTree } from './treeSpec';

/**
 * A value of the Jenkins JSON API before pruning. Arrays are Java arrays/collections, a `Map`
 * is a Java `Map` (written as an object whose entries sit at the map's own level), a
 * {@link Bean} or a plain object is an exported bean (a plain object's `_class` key, if any,
 * is its class; its other keys are always visible).
 */
export type Node =
  | null
  | string
  | number
  | boolean
  | Node[]
  | Bean
  | ReadonlyMap<string, Node>
  | { [key: string]: Node };

/** Visibility of `@ExportedBean(defaultVisibility = 999)` beans (the git plugin's). */
const ALWAYS = 999;

/** An exported object: `_class`, all properties, and the ones shown when nested too deep. */
export class Bean {
  constructor(
    readonly cls: string | undefined,
    readonly props: () => Record<string, Node>,
    /**
     * Keys still shown one level below `depth` (`@Exported(visibility = 2)`, e.g. `number`,
     * `url`); `'all'` for beans whose properties are always shown (actions, causes, ...).
     */
    readonly summary: string[] | 'all',
    /** Properties with `visibility = -2` (e.g. `allBuilds`): shown by `tree=`, or `depth>=3`. */
    readonly treeOnly: string[] = [],
  ) {}

  /** The `@Exported(visibility)` of a property. */
  visibility(name: string): number {
    if (this.treeOnly.includes(name)) return -2;
    if (this.summary === 'all') return ALWAYS;
    return this.summary.includes(name) ? 2 : 1;
  }
}

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

/**
 * Writes a value the way stapler's `Property.writeValue` does: arrays take the pruner's range
 * and hand the same pruner to every element; a map writes each entry with the same pruner (it
 * uses up no level); a bean writes `_class`, then asks the pruner about each property.
 */
export function render(node: Node, pruner: TreePruner): Json {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node))
    return applyRange(node, pruner.range).map(n => render(n, pruner));
  if (node instanceof Map) {
    const out: Record<string, Json> = {};
    for (const [key, value] of node) out[key] = render(value, pruner);
    return out;
  }
  let cls: unknown;
  let props: Record<string, Node>;
  let visibility: (name: string) => number;
  if (node instanceof Bean) {
    cls = node.cls;
    props = node.props();
    visibility = name => node.visibility(name);
  } else {
    ({ _class: cls, ...props } = node as Record<string, Node>);
    visibility = () => ALWAYS;
  }
  const out: Record<string, Json> =
    typeof cls === 'string' ? { _class: cls } : {};
  for (const [name, value] of Object.entries(props)) {
    const child = pruner.accept({ name, visibility: visibility(name) });
    if (child) out[name] = render(value, child);
  }
  return out;
}

/** `?tree=`: only what the spec names (`_class` is always written). */
export function renderTree(node: Node, tree: TreeSpec | string): Json {
  return render(node, namedPathPruner(tree));
}

/** `?depth=N` (no `tree`): nested beans show fewer properties the deeper they are. */
export function renderDepth(node: Node, depth: number): Json {
  return render(node, byDepth(depth));
}
