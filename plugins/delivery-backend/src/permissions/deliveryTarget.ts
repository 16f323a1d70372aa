import type { AuthService } from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  DELIVERY_TARGET_RESOURCE_TYPE,
  parseDeliveryTargetRef,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { z } from 'zod';

/**
 * One environment of one catalog entity: what `delivery.promote` and
 * `delivery.resync` are decided on.
 * @public
 */
export interface DeliveryTarget {
  /** `component:default/xposer` */
  entityRef: string;
  /** `prod` */
  environment: string;
  /** The entity's owners (its `ownedBy` relations, else `spec.owner`). */
  ownerRefs: string[];
}

/** Query form of the rules (the plugin lists no targets; kept for the rule contract). @public */
export type DeliveryTargetQuery = { rule: string; values: string[] };

/** The permission resource ref of {@link DeliveryTarget}. @public */
export const deliveryTargetResourceRef = createPermissionResourceRef<
  DeliveryTarget,
  DeliveryTargetQuery
>().with({ pluginId: 'delivery', resourceType: DELIVERY_TARGET_RESOURCE_TYPE });

const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    'Allow delivery targets whose entity is owned by one of the given refs',
  resourceRef: deliveryTargetResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Entity refs (the user and their groups) that may own the entity',
      ),
  }),
  apply: (target, { claims }) => {
    const wanted = new Set(claims.map(c => c.toLocaleLowerCase('en-US')));
    return target.ownerRefs.some(o => wanted.has(o.toLocaleLowerCase('en-US')));
  },
  toQuery: ({ claims }) => ({ rule: 'IS_ENTITY_OWNER', values: claims }),
});

const isEnvironment = createPermissionRule({
  name: 'IS_ENVIRONMENT',
  description: 'Allow delivery targets in one of the given environments',
  resourceRef: deliveryTargetResourceRef,
  paramsSchema: z.object({
    environments: z
      .array(z.string())
      .describe('Environment names (delivery.environments[].name)'),
  }),
  apply: (target, { environments }) =>
    environments.includes(target.environment),
  toQuery: ({ environments }) => ({
    rule: 'IS_ENVIRONMENT',
    values: environments,
  }),
});

/** The rules of `delivery-target`, keyed as in the condition exports. @public */
export const deliveryTargetRules = { isEntityOwner, isEnvironment };

/** The rules of `delivery-target` as a list (e.g. to evaluate a decision in a test). @public */
export const deliveryTargetPermissionRules = [isEntityOwner, isEnvironment];

const exported = createConditionExports({
  resourceRef: deliveryTargetResourceRef,
  rules: deliveryTargetRules,
});

/**
 * Conditions for a permission policy on `delivery.promote` / `delivery.resync`:
 * `isEntityOwner({ claims })`, `isEnvironment({ environments })`.
 * @public
 */
export const deliveryTargetConditions = exported.conditions;

/** Wraps {@link deliveryTargetConditions} into a conditional decision. @public */
export const createDeliveryTargetConditionalDecision =
  exported.createConditionalDecision;

/** The owners of an entity: its `ownedBy` relations, else `spec.owner`. */
export function ownersOf(entity: Entity): string[] {
  const related = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef);
  if (related.length) return related;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return [];
  try {
    return [
      stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    ];
  } catch {
    return [];
  }
}

/**
 * Loads delivery targets for the permission framework (conditional decisions
 * evaluated by the permission backend): the entity is read from the catalog
 * with the plugin's own credentials; an unknown entity or a malformed ref is
 * `undefined` (no resource, so the decision is DENY).
 */
export function deliveryTargetLoader(deps: {
  catalog: CatalogService;
  auth: AuthService;
}) {
  return async (refs: string[]): Promise<Array<DeliveryTarget | undefined>> => {
    const parsed = refs.map(parseDeliveryTargetRef);
    const entityRefs = [
      ...new Set(parsed.flatMap(p => (p ? [p.entityRef] : []))),
    ];
    if (!entityRefs.length) return refs.map(() => undefined);
    const credentials = await deps.auth.getOwnServiceCredentials();
    const { items } = await deps.catalog.getEntitiesByRefs(
      {
        entityRefs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.owner',
          'relations',
        ],
      },
      { credentials },
    );
    const byRef = new Map<string, Entity>();
    items.forEach((e, i) => e && byRef.set(entityRefs[i], e));
    return parsed.map(p => {
      const entity = p && byRef.get(p.entityRef);
      if (!p || !entity) return undefined;
      return {
        entityRef: p.entityRef,
        environment: p.environment,
        ownerRefs: ownersOf(entity),
      };
    });
  };
}
