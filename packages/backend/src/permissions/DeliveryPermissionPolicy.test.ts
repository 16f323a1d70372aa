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
import { deliveryTargetPermissionRules } from '@gitops-delivery/backstage-plugin-delivery-backend';
import { DeliveryPermissionPolicy } from './DeliveryPermissionPolicy';

const policy = new DeliveryPermissionPolicy();

const user = (ref: string, ownership: string[]): PolicyQueryUser => ({
  credentials: {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: ref },
  },
  info: { userEntityRef: ref, ownershipEntityRefs: ownership },
});

// What the demo's guest resolves to (examples/org.yaml), a team member who is
// not a release manager, and a user who owns nothing.
const guest = user('user:default/guest', [
  'user:default/guest',
  'group:default/team-xposer',
  'group:default/release-managers',
]);
const developer = user('user:default/developer', [
  'user:default/developer',
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
  const rule = Object.values(permissionRules).find(
    r => r.name === criteria.rule,
  );
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

  const target = (environment: string) => ({
    entityRef: 'component:default/xposer',
    environment,
    ownerRefs: ['group:default/team-xposer'],
  });

  /** Evaluates a conditional decision with the delivery plugin's own rules. */
  function appliesToTarget(
    criteria: PermissionCriteria<PermissionCondition>,
    t: ReturnType<typeof target>,
  ): boolean {
    if ('allOf' in criteria)
      return criteria.allOf.every(c => appliesToTarget(c, t));
    if ('anyOf' in criteria)
      return criteria.anyOf.some(c => appliesToTarget(c, t));
    if ('not' in criteria) return !appliesToTarget(criteria.not, t);
    const rule = deliveryTargetPermissionRules.find(
      r => r.name === criteria.rule,
    );
    if (!rule) throw new Error(`unknown rule ${criteria.rule}`);
    return rule.apply(t, criteria.params as never);
  }

  const decide = async (
    permission: typeof deliveryPromotePermission,
    who: PolicyQueryUser,
    environment: string,
  ) => {
    const decision = (await policy.handle(
      { permission },
      who,
    )) as ConditionalPolicyDecision;
    expect(decision.result).toBe(AuthorizeResult.CONDITIONAL);
    expect(decision.pluginId).toBe('delivery');
    expect(decision.resourceType).toBe('delivery-target');
    return appliesToTarget(decision.conditions, target(environment));
  };

  it.each(
    [deliveryPromotePermission, deliveryResyncPermission].map(p => [p.name, p]),
  )(
    'reserves %s to the owners of the entity, per environment',
    async (_name, permission) => {
      for (const env of ['dev', 'staging', 'prod']) {
        expect(await decide(permission, guest, env)).toBe(true);
        expect(await decide(permission, outsider, env)).toBe(false);
      }
    },
  );

  it.each(
    [deliveryPromotePermission, deliveryResyncPermission].map(p => [p.name, p]),
  )(
    '%s on prod needs the release-managers group',
    async (_name, permission) => {
      expect(await decide(permission, developer, 'dev')).toBe(true);
      expect(await decide(permission, developer, 'staging')).toBe(true);
      expect(await decide(permission, developer, 'prod')).toBe(false);
      expect(await decide(permission, guest, 'prod')).toBe(true);
    },
  );

  it('keeps catalog reads on the catalog rules', () => {
    // the catalog rules stay usable for catalog-entity permissions
    expect(
      applies(
        {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: ['group:default/team-xposer'] },
        },
        xposer,
      ),
    ).toBe(true);
  });

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
