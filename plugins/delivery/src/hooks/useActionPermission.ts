import { usePermission } from '@backstage/plugin-permission-react';
import type {
  deliveryPromotePermission,
  EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { Entity } from '@backstage/catalog-model';
import { permissionResourceRef } from '../utils/promotion';

/**
 * Whether the signed-in user may run a delivery action on an environment of
 * the entity (the `delivery-target` `<entity>@<environment>`: policies decide
 * per environment), as a reason to disable its button (undefined when
 * allowed). Only a convenience: the backend checks the same permission on
 * every request.
 */
export function useActionPermission(
  permission: typeof deliveryPromotePermission,
  entity: Entity,
  environment: Pick<EnvironmentView, 'name'>,
  deniedReason: string,
): string | undefined {
  const { loading, allowed, error } = usePermission({
    permission,
    resourceRef: permissionResourceRef(entity, environment.name),
  });
  if (loading) return 'Checking your permissions…';
  if (error) return `Could not check your permissions: ${error.message}`;
  return allowed ? undefined : deniedReason;
}
