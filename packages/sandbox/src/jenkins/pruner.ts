import { ALL, parseTree, type Range, type TreeSpec } from './treeSpec';

/** What a pruner knows of an exported property (stapler's `Property`). */
export interface Property {
  name: string;
  /** `@Exported(visibility)`: shown while nested at most `visibility - 1` levels below `depth`. */
  visibility: number;
}

/**
 * Decides which properties get written (stapler's `TreePruner`): `accept` returns the pruner
 * for the property's value, or undefined to leave the property out.
 */
export interface TreePruner {
  accept(prop: Property): TreePruner | undefined;
  /** Which elements of an array value are written. */
  readonly range: Range;
}

/**
 * `tree=` (stapler's `NamedPathPruner`): a property is written when its name, else `*`, is
 * listed; its value is pruned by that entry's subtree (so `*[x]` applies `[x]` to every field).
 * Visibility plays no part.
 */
export function namedPathPruner(spec: TreeSpec | string): TreePruner {
  const tree = typeof spec === 'string' ? parseTree(spec) : spec;
  return {
    range: tree.range,
    accept(prop) {
      const sub = tree.children.get(prop.name) ?? tree.children.get('*');
      return sub && namedPathPruner(sub);
    },
  };
}

/**
 * `depth=` (stapler's `TreePruner.ByDepth`, created as `new ByDepth(1 - depth)`): at nesting
 * level `n` only properties with `visibility >= n` are written; each property's value is one
 * level deeper.
 */
export function byDepth(depth: number): TreePruner {
  const level = (n: number): TreePruner => {
    let next: TreePruner | undefined;
    return {
      range: ALL,
      accept(prop) {
        if (prop.visibility < n) return undefined;
        next ??= level(n + 1);
        return next;
      },
    };
  };
  return level(1 - depth);
}
