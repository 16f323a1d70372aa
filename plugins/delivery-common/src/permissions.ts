import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Open a promotion pull request for a catalog entity. A resource permission
 * on `catalog-entity`, so a policy can grant it to the entity's owners.
 * @public
 */
export const deliveryPromotePermission = createPermission({
  name: 'delivery.promote',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Re-run the config-Jenkins deploy of an environment (re-sync).
 * @public
 */
export const deliveryResyncPermission = createPermission({
  name: 'delivery.resync',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** Every permission the delivery plugin defines. @public */
export const deliveryPermissions = [
  deliveryPromotePermission,
  deliveryResyncPermission,
];
