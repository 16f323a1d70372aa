import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import {
  type DeliveryClaims,
  deliveryPromotePermission,
  deliveryResyncPermission,
  deliveryTargetRef,
  type EnvironmentAccess,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  type DeliveryTarget,
  deliveryTargetResourceRef,
  ownersOf,
} from '../../permissions/deliveryTarget';

const ACTIONS = [
  { key: 'promote', permission: deliveryPromotePermission, verb: 'promote to' },
  { key: 'resync', permission: deliveryResyncPermission, verb: 're-sync' },
] as const;

/** The permission framework's decisions for one entity's delivery targets. */
type Decide = (
  permission: (typeof ACTIONS)[number]['permission'],
  environments: string[],
) => boolean[];

/**
 * What the caller may do in each environment, and why not, for the buttons.
 * The permission framework decides, on every call: with `rules` (the
 * plugin's `delivery-target` ruleset from the permissions registry), one
 * `authorizeConditional` for promote and re-sync, whose conditions are
 * applied here to the entity the caller just read (the same rules the
 * permission backend's apply-conditions call would run, without that call
 * and its catalog read); without `rules`, one batched `authorize` over the
 * delivery targets. A denial in some environments but not all is an
 * environment denial; in all, an ownership denial; a contested claim
 * refuses everything. The routes decide again.
 */
export async function environmentAccess(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entity: Entity,
  options: {
    environments: string[];
    claims?: DeliveryClaims;
    rules?: PermissionRuleset<DeliveryTarget>;
  },
): Promise<Map<string, EnvironmentAccess>> {
  const { environments, claims } = options;
  if (!environments.length) return new Map();
  const decide = options.rules
    ? await decideLocally(permissions, credentials, entity, options.rules)
    : await decideByRef(permissions, credentials, entity, environments);
  const contested = claims?.contested
    ? claims.conflicts
        .filter(c => c.refused)
        .map(c => c.message)
        .join(' ')
    : undefined;
  const rows = ACTIONS.map(a => decide(a.permission, environments));
  const result = new Map<string, EnvironmentAccess>();
  environments.forEach((env, i) => {
    const access = {} as EnvironmentAccess;
    ACTIONS.forEach((a, ai) => {
      const row = rows[ai];
      const allowed = row[i] === true;
      const anyAllowed = row.some(Boolean);
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

/**
 * One `authorizeConditional` for both permissions; a conditional decision
 * is applied to each environment's target with the registry's rules. A
 * conditional decision for another plugin's or resource type's rules is a
 * denial.
 */
async function decideLocally(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entity: Entity,
  rules: PermissionRuleset<DeliveryTarget>,
): Promise<Decide> {
  const decisions = await permissions.authorizeConditional(
    ACTIONS.map(a => ({ permission: a.permission })),
    { credentials },
  );
  const authorized = createConditionAuthorizer(rules);
  const entityRef = stringifyEntityRef(entity);
  const ownerRefs = ownersOf(entity);
  const byName = new Map<string, PolicyDecision>(
    ACTIONS.map((a, i) => [a.permission.name, decisions[i]]),
  );
  return (permission, environments) => {
    const decision = byName.get(permission.name);
    if (!decision) return environments.map(() => false);
    if (
      decision.result === AuthorizeResult.CONDITIONAL &&
      (decision.pluginId !== deliveryTargetResourceRef.pluginId ||
        decision.resourceType !== deliveryTargetResourceRef.resourceType)
    ) {
      return environments.map(() => false);
    }
    return environments.map(environment =>
      authorized(decision, { entityRef, environment, ownerRefs }),
    );
  };
}

/** One batched `authorize` over every (permission, delivery target). */
async function decideByRef(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  entity: Entity,
  environments: string[],
): Promise<Decide> {
  const entityRef = stringifyEntityRef(entity);
  const requests = ACTIONS.flatMap(a =>
    environments.map(env => ({
      permission: a.permission,
      resourceRef: deliveryTargetRef(entityRef, env),
    })),
  );
  const decisions = requests.length
    ? await permissions.authorize(requests, { credentials })
    : [];
  return (permission, envs) => {
    const ai = ACTIONS.findIndex(a => a.permission.name === permission.name);
    return envs.map(
      (_e, i) =>
        decisions[ai * environments.length + i]?.result ===
        AuthorizeResult.ALLOW,
    );
  };
}
