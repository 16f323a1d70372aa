import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
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
  parseDeliveryTargetRef,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  createDeliveryTargetConditionalDecision,
  type DeliveryTarget,
  deliveryTargetConditions,
  deliveryTargetPermissionRules,
  ownersOf,
} from '../../permissions/deliveryTarget';
import { environmentAccess } from './environmentAccess';

const rules: PermissionRuleset<DeliveryTarget> = {
  getRuleByName(name) {
    const rule = deliveryTargetPermissionRules.find(r => r.name === name);
    if (!rule) throw new Error(`no rule ${name}`);
    return rule as never;
  },
};

const xposer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'xposer', namespace: 'default' },
  spec: { owner: 'group:default/team-xposer' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/team-xposer' }],
};
const environments = ['dev', 'staging', 'prod'];
const credentials = {
  $$type: '@backstage/BackstageCredentials',
  principal: { type: 'user', userEntityRef: 'user:default/someone' },
} as BackstageCredentials;

/** The policies the test decides with: what each caller's claims get. */
type Policy = (permissionName: string) => PolicyDecision;
const owner: Policy = name =>
  createDeliveryTargetConditionalDecision(
    { name, type: 'resource', resourceType: 'delivery-target', attributes: {} },
    deliveryTargetConditions.isEntityOwner({
      claims: ['group:default/team-xposer'],
    }),
  );
const ownerInDevOnly: Policy = name =>
  createDeliveryTargetConditionalDecision(
    { name, type: 'resource', resourceType: 'delivery-target', attributes: {} },
    {
      allOf: [
        deliveryTargetConditions.isEntityOwner({
          claims: ['group:default/team-xposer'],
        }),
        deliveryTargetConditions.isEnvironment({ environments: ['dev'] }),
      ],
    },
  );
const outsider: Policy = name =>
  createDeliveryTargetConditionalDecision(
    { name, type: 'resource', resourceType: 'delivery-target', attributes: {} },
    deliveryTargetConditions.isEntityOwner({ claims: ['user:default/x'] }),
  );
const everyone: Policy = () => ({ result: AuthorizeResult.ALLOW });

/**
 * A PermissionsService over a policy, like the permission backend:
 * `authorize` with a resourceRef applies a conditional decision to the
 * target (as the apply-conditions call would), `authorizeConditional`
 * returns the decision.
 */
function permissionsWith(policy: Policy) {
  const calls = { authorize: 0, authorizeConditional: 0 };
  const apply = createConditionAuthorizer(rules);
  const service = {
    async authorize(
      requests: { permission: { name: string }; resourceRef?: string }[],
    ) {
      calls.authorize += 1;
      return requests.map(r => {
        const target = parseDeliveryTargetRef(r.resourceRef!)!;
        const allowed = apply(policy(r.permission.name), {
          ...target,
          ownerRefs: ownersOf(xposer),
        });
        return {
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      });
    },
    async authorizeConditional(requests: { permission: { name: string } }[]) {
      calls.authorizeConditional += 1;
      return requests.map(r => policy(r.permission.name));
    },
  } as unknown as PermissionsService;
  return { service, calls };
}

describe('environmentAccess', () => {
  it.each([
    ['an owner', owner],
    ['an owner allowed in dev only', ownerInDevOnly],
    ['an outsider', outsider],
    ['anyone (ALLOW)', everyone],
  ])(
    'decides for %s as the per-target authorize does, in one authorizeConditional',
    async (_who, policy) => {
      const byRef = permissionsWith(policy);
      const local = permissionsWith(policy);
      const expected = await environmentAccess(
        byRef.service,
        credentials,
        xposer,
        { environments },
      );
      const actual = await environmentAccess(
        local.service,
        credentials,
        xposer,
        { environments, rules },
      );
      expect([...actual]).toEqual([...expected]);
      expect(local.calls).toEqual({ authorize: 0, authorizeConditional: 1 });
      expect(byRef.calls).toEqual({ authorize: 1, authorizeConditional: 0 });
    },
  );

  it('gives the reasons of an environment denial and an ownership denial', async () => {
    const devOnly = await environmentAccess(
      permissionsWith(ownerInDevOnly).service,
      credentials,
      xposer,
      { environments, rules },
    );
    expect(devOnly.get('dev')).toEqual({
      promote: { allowed: true },
      resync: { allowed: true },
    });
    expect(devOnly.get('prod')?.promote).toEqual({
      allowed: false,
      reason: expect.stringContaining('decided per environment'),
    });
    const none = await environmentAccess(
      permissionsWith(outsider).service,
      credentials,
      xposer,
      { environments, rules },
    );
    expect(none.get('dev')?.resync).toEqual({
      allowed: false,
      reason: 'You need to own this entity to re-sync',
    });
  });

  it("denies a conditional decision on another plugin's resource type", async () => {
    const foreign: Policy = name =>
      ({
        ...(owner(name) as object),
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
      } as PolicyDecision);
    const access = await environmentAccess(
      permissionsWith(foreign).service,
      credentials,
      xposer,
      { environments, rules },
    );
    for (const env of environments) {
      expect(access.get(env)?.promote.allowed).toBe(false);
      expect(access.get(env)?.resync.allowed).toBe(false);
    }
  });

  it('refuses everything on a contested claim, even to an owner', async () => {
    const claims = {
      contested: true,
      conflicts: [{ refused: true, message: 'Release xposer belongs to y.' }],
    } as unknown as DeliveryClaims;
    const access = await environmentAccess(
      permissionsWith(owner).service,
      credentials,
      xposer,
      { environments, rules, claims },
    );
    expect(access.get('prod')?.promote).toEqual({
      allowed: false,
      reason: 'Release xposer belongs to y.',
    });
  });
});
