import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of the delivery mutations: one environment of one
 * catalog entity (a "delivery target"), owned by the delivery plugin. Its
 * resource ref is {@link deliveryTargetRef}; its permission rules
 * (`IS_ENTITY_OWNER`, `IS_ENVIRONMENT`) and condition exports live in the
 * delivery backend, so a policy can decide per entity *and* per environment.
 * @public
 */
export const DELIVERY_TARGET_RESOURCE_TYPE = 'delivery-target';

/**
 * Open a promotion pull request (and preview it) for an environment of a
 * catalog entity. A resource permission on `delivery-target`, so a policy
 * can grant it to the entity's owners, and per environment.
 * @public
 */
export const deliveryPromotePermission = createPermission({
  name: 'delivery.promote',
  attributes: { action: 'update' },
  resourceType: DELIVERY_TARGET_RESOURCE_TYPE,
});

/**
 * Re-run the config-Jenkins deploy of an environment of a catalog entity
 * (re-sync). A resource permission on `delivery-target`.
 * @public
 */
export const deliveryResyncPermission = createPermission({
  name: 'delivery.resync',
  attributes: { action: 'update' },
  resourceType: DELIVERY_TARGET_RESOURCE_TYPE,
});

/** Every permission the delivery plugin defines. @public */
export const deliveryPermissions = [
  deliveryPromotePermission,
  deliveryResyncPermission,
];

/**
 * The resource ref of a delivery target: `<entity ref>@<environment>`, e.g.
 * `component:default/xposer@prod` (an entity ref never contains `@`).
 * @public
 */
export function deliveryTargetRef(
  entityRef: string,
  environment: string,
): string {
  return `${entityRef.toLocaleLowerCase('en-US')}@${environment}`;
}

/** Parses {@link deliveryTargetRef}; undefined when malformed. @public */
export function parseDeliveryTargetRef(
  ref: string,
): { entityRef: string; environment: string } | undefined {
  const at = ref.indexOf('@');
  if (at <= 0 || at === ref.length - 1) return undefined;
  return { entityRef: ref.slice(0, at), environment: ref.slice(at + 1) };
}
