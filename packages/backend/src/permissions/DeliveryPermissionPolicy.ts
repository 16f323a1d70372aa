import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createDeliveryTargetConditionalDecision,
  deliveryTargetConditions,
} from '@gitops-delivery/backstage-plugin-delivery-backend';
import {
  deliveryPromotePermission,
  deliveryResyncPermission,
} from '@gitops-delivery/backstage-plugin-delivery-common';

const deliveryMutations = [deliveryPromotePermission, deliveryResyncPermission];

/** Environments whose promote / re-sync also need {@link RELEASE_MANAGERS}. */
export const GUARDED_ENVIRONMENTS = ['prod'];

/** The group (examples/org.yaml) whose members may promote and re-sync the guarded environments. */
export const RELEASE_MANAGERS = 'group:default/release-managers';

/**
 * The demo's permission policy:
 * - signed-in users may read (and do everything Backstage does by default);
 * - the delivery mutations (`delivery.promote`, which also covers the
 *   preview, and `delivery.resync`) are reserved to the owners of the entity:
 *   a conditional decision on the delivery plugin's `delivery-target`
 *   resource (one environment of one entity), evaluated by the delivery
 *   backend against the user's ownership refs (the user and the groups they
 *   are a member of);
 * - **per environment**: in `prod` they also need membership in
 *   `group:default/release-managers` (the `IS_ENVIRONMENT` rule); owners who
 *   are not release managers may still promote and re-sync dev and staging;
 * - a request without a user gets nothing reserved to owners.
 */
export class DeliveryPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const mutation = deliveryMutations.find(p =>
      isPermission(request.permission, p),
    );
    if (mutation) {
      if (!user) return { result: AuthorizeResult.DENY };
      const claims = user.info.ownershipEntityRefs;
      const owner = deliveryTargetConditions.isEntityOwner({ claims });
      if (claims.includes(RELEASE_MANAGERS)) {
        return createDeliveryTargetConditionalDecision(mutation, owner);
      }
      return createDeliveryTargetConditionalDecision(mutation, {
        allOf: [
          owner,
          {
            not: deliveryTargetConditions.isEnvironment({
              environments: GUARDED_ENVIRONMENTS,
            }),
          },
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
