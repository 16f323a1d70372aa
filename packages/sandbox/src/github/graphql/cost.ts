import {
  FragmentDefinitionNode,
  getNamedType,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { MAX_PAGE } from './connection';

/**
 * GitHub's rate-limit score of a query (docs: "Calculating a rate limit score before running
 * the call"): every connection needs one request per item of the connections it is nested in,
 * each assumed to reach its `first`/`last`; the sum divided by 100, rounded, at least 1.
 * `nodeCount` is the number of nodes the query may return (the product of page sizes down
 * each path, summed).
 */
export function queryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): { cost: number; nodeCount: number } {
  let requests = 0;
  let nodeCount = 0;
  const walk = (
    set: SelectionSetNode,
    type: GraphQLNamedType | null | undefined,
    multiplier: number,
  ): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition
          ? schema.getType(sel.typeCondition.name.value)
          : type;
        walk(sel.selectionSet, cond, multiplier);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments[sel.name.value];
        if (f) {
          walk(
            f.selectionSet,
            schema.getType(f.typeCondition.name.value),
            multiplier,
          );
        }
        continue;
      }
      if (!type || !(isObjectType(type) || isInterfaceType(type))) continue;
      const def = type.getFields()[sel.name.value];
      if (!def) continue;
      const named = getNamedType(def.type);
      let inner = multiplier;
      if (named.name.endsWith('Connection')) {
        const arg = (name: string): number | undefined => {
          const node = sel.arguments?.find(a => a.name.value === name);
          const argDef = def.args.find(a => a.name === name);
          if (!node || !argDef) return undefined;
          const v = valueFromAST(node.value, argDef.type, variables);
          return typeof v === 'number' ? v : undefined;
        };
        const size = Math.min(
          MAX_PAGE,
          Math.max(0, arg('first') ?? arg('last') ?? 0),
        );
        requests += multiplier;
        nodeCount += multiplier * size;
        inner = multiplier * size;
      }
      if (sel.selectionSet) walk(sel.selectionSet, named, inner);
    }
  };
  walk(operation.selectionSet, schema.getQueryType(), 1);
  return { cost: Math.max(1, Math.round(requests / 100)), nodeCount };
}
