import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  createPermission,
  PermissionCriteria,
  PermissionCondition,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  deliveryPromotePermission,
  deliveryResyncPermission,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { DeliveryPermissionPolicy } from './DeliveryPermissionPolicy';

const policy = new DeliveryPermissionPolicy();

const user = (ref: string, ownership: string[]): PolicyQueryUser => ({
  credentials: {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: ref },
  },
  info: { userEntityRef: ref, ownershipEntityRefs: ownership },
});

// What the demo's guest resolves to (examples/org.yaml), and a user who owns nothing.
const guest = user('user:default/guest', [
  'user:default/guest',
  'group:default/team-xposer',
]);
const outsider = user('user:default/outsider', ['user:default/outsider']);

const xposer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'xposer', namespace: 'default' },
  spec: { owner: 'group:default/team-xposer' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-xposer' }],
};

/** Evaluates a conditional decision with the catalog's own rule implementations. */
function applies(
  criteria: PermissionCriteria<PermissionCondition>,
  entity: Entity,
): boolean {
  if ('allOf' in criteria) return criteria.allOf.every(c => applies(c, entity));
  if ('anyOf' in criteria) return criteria.anyOf.some(c => applies(c, entity));
  if ('not' in criteria) return !applies(criteria.not, entity);
  const rule = Object.values(permissionRules).find(r => r.name === criteria.rule);
  if (!rule) throw new Error(`unknown rule ${criteria.rule}`);
  return rule.apply(entity, criteria.params as never);
}

describe('DeliveryPermissionPolicy', () => {
  it('allows signed-in users to read the catalog', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      outsider,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });

  it.each(
    [deliveryPromotePermission, deliveryResyncPermission].map(p => [p.name, p]),
  )(
    'reserves %s to the owners of the entity',
    async (_name, permission) => {
      const forGuest = (await policy.handle(
        { permission },
        guest,
      )) as ConditionalPolicyDecision;
      expect(forGuest.result).toBe(AuthorizeResult.CONDITIONAL);
      expect(forGuest.resourceType).toBe('catalog-entity');
      expect(applies(forGuest.conditions, xposer)).toBe(true);

      const forOutsider = (await policy.handle(
        { permission },
        outsider,
      )) as ConditionalPolicyDecision;
      expect(applies(forOutsider.conditions, xposer)).toBe(false);
    },
  );

  it('denies delivery mutations without a user', async () => {
    const decision = await policy.handle({
      permission: deliveryPromotePermission,
    });
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('does not treat a look-alike permission as a delivery mutation', async () => {
    const lookAlike = createPermission({
      name: 'delivery.promote.other',
      attributes: {},
    });
    const decision = await policy.handle({ permission: lookAlike }, outsider);
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
