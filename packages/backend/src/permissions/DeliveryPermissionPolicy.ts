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
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  deliveryPromotePermission,
  deliveryResyncPermission,
} from '@gitops-delivery/backstage-plugin-delivery-common';

const ownerOnlyPermissions = [
  deliveryPromotePermission,
  deliveryResyncPermission,
];

/**
 * The demo's permission policy:
 * - signed-in users may read (and do everything Backstage does by default);
 * - the delivery mutations (promote, re-sync) are reserved to the owners of
 *   the entity: a conditional decision that the catalog evaluates against the
 *   user's ownership refs (the user and the groups they are a member of);
 * - a request without a user gets nothing reserved to owners.
 */
export class DeliveryPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownerOnly = ownerOnlyPermissions.find(p =>
      isPermission(request.permission, p),
    );
    if (ownerOnly) {
      if (!user) return { result: AuthorizeResult.DENY };
      return createCatalogConditionalDecision(
        ownerOnly,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs,
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
