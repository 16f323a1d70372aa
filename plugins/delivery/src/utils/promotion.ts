import {
  getCompoundEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import {
  deliveryTargetRef,
  sameVersion,
  type DeliveryEntityRef,
  type DeliveryView,
  type EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** A version to promote, or why there is none. */
export type VersionChoice =
  | { version: string; reason?: undefined }
  | { version?: undefined; reason: string };

/** The API path parts of an entity (kind lower-cased, as the tab requests it). */
export function deliveryEntityRef(entity: Entity): DeliveryEntityRef {
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  return { namespace, kind: kind.toLocaleLowerCase('en-US'), name };
}

/**
 * The permission resource ref of an environment of an entity, the
 * `delivery-target` of `delivery.promote` / `delivery.resync`
 * (`component:default/xposer@prod`).
 */
export function permissionResourceRef(
  entity: Entity,
  environment: string,
): string {
  return deliveryTargetRef(stringifyEntityRef(entity), environment);
}

/**
 * The source version of a promotion into `env`: the version running in the
 * environment it promotes from (what the cluster really runs), else the one
 * pinned there.
 */
export function promotionSource(
  env: EnvironmentView,
  view: DeliveryView,
): VersionChoice {
  if (!env.promotesFrom) {
    return {
      reason: `${env.name} is the first stage; promote a version from its lineage`,
    };
  }
  const previous = view.environments.find(e => e.name === env.promotesFrom);
  const version = previous?.runningVersion ?? previous?.pinnedVersion;
  if (!version) {
    return { reason: `Nothing runs in ${env.promotesFrom} yet` };
  }
  if (sameVersion(version, env.pinnedVersion)) {
    return {
      reason: `${env.name} already pins ${version}, the version in ${env.promotesFrom}`,
    };
  }
  return { version };
}

/**
 * The version a Rollback of `env` promotes: the previously pinned version.
 *
 * Rule: walk the environment's deploy history (newest first), skip the
 * deploys of the current pin, and take the version of the newest
 * **successful** deploy of another version that started before the newest
 * deploy of the current pin (if the current pin was never deployed, the
 * newest successful deploy of another version). When the history has none
 * (deploy Jenkins down, history capped), fall back to the next-lower version
 * of the lineage that was successfully deployed to this environment.
 */
export function rollbackTarget(
  env: EnvironmentView,
  view: DeliveryView,
): VersionChoice {
  const pinned = env.pinnedVersion;
  if (!pinned) return { reason: `Nothing is pinned in ${env.name}` };
  const history = view.deploys.filter(d => d.environment === env.name);
  const currentDeploy = history.find(d => sameVersion(d.version, pinned));
  const before = currentDeploy
    ? history.filter(
        d => Date.parse(d.startedAt) < Date.parse(currentDeploy.startedAt),
      )
    : history;
  const fromHistory = before.find(
    d => d.result === 'SUCCESS' && d.version && !sameVersion(d.version, pinned),
  );
  if (fromHistory?.version) return { version: fromHistory.version };

  const index = view.versions.findIndex(v => sameVersion(v.version, pinned));
  const lower = index >= 0 ? view.versions.slice(index + 1) : [];
  const fromLineage = lower.find(v =>
    v.environments.some(
      s => s.environment === env.name && s.deployedBy?.result === 'SUCCESS',
    ),
  );
  if (fromLineage) return { version: fromLineage.version };
  return {
    reason: `No earlier version was deployed successfully to ${env.name}`,
  };
}
