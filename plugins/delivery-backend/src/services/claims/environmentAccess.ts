import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  type DeliveryClaims,
  deliveryPromotePermission,
  deliveryResyncPermission,
  deliveryTargetRef,
  type EnvironmentAccess,
} from '@gitops-delivery/backstage-plugin-delivery-common';

const ACTIONS = [
  { key: 'promote', permission: deliveryPromotePermission, verb: 'promote to' },
  { key: 'resync', permission: deliveryResyncPermission, verb: 're-sync' },
] as const;

/**
 * What the caller may do in each environment, and why not, for the buttons:
 * one batched `authorize` over the delivery targets. A denial in some
 * environments but not all is an environment denial; in all, an ownership
 * denial; a contested claim refuses everything. The routes decide again.
 */
export async function environmentAccess(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entity: Entity,
  options: { environments: string[]; claims?: DeliveryClaims },
): Promise<Map<string, EnvironmentAccess>> {
  const entityRef = stringifyEntityRef(entity);
  const { environments, claims } = options;
  const requests = ACTIONS.flatMap(a =>
    environments.map(env => ({
      permission: a.permission,
      resourceRef: deliveryTargetRef(entityRef, env),
    })),
  );
  const decisions = requests.length
    ? await permissions.authorize(requests, { credentials })
    : [];
  const contested = claims?.contested
    ? claims.conflicts
        .filter(c => c.refused)
        .map(c => c.message)
        .join(' ')
    : undefined;
  const result = new Map<string, EnvironmentAccess>();
  environments.forEach((env, i) => {
    const access = {} as EnvironmentAccess;
    ACTIONS.forEach((a, ai) => {
      const row = decisions.slice(
        ai * environments.length,
        (ai + 1) * environments.length,
      );
      const allowed = row[i]?.result === AuthorizeResult.ALLOW;
      const anyAllowed = row.some(d => d.result === AuthorizeResult.ALLOW);
      let reason: string | undefined;
      if (!allowed) {
        reason = anyAllowed
          ? `Your permissions do not allow you to ${a.verb} ${env} (${a.permission.name} is decided per environment)`
          : `You need to own this entity to ${
              a.key === 'promote' ? 'promote' : 're-sync'
            }`;
      } else if (contested) {
        reason = contested;
      }
      access[a.key] = {
        allowed: allowed && !contested,
        ...(reason ? { reason } : {}),
      };
    });
    result.set(env, access);
  });
  return result;
}
