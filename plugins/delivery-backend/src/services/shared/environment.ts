import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { readDeliveryAnnotations } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig, EnvironmentConfig } from '../../configTypes';

/** The caller's user entity ref; 403 for anything but a user principal. */
export function userOf(
  credentials: BackstageCredentials,
  what = 'promote',
): string {
  const p = credentials.principal as Partial<BackstageUserPrincipal> & {
    type?: string;
  };
  if (p?.type !== 'user' || !p.userEntityRef) {
    throw new NotAllowedError(`Only users can ${what}`);
  }
  return p.userEntityRef;
}

/**
 * The environment of the entity: a configured one, not excluded by
 * `delivery/environments` (403), and the entity's release (400 without).
 */
export function resolveEnvironment(
  config: Pick<DeliveryConfig, 'environments'>,
  entity: Entity,
  name: unknown,
): { env: EnvironmentConfig; release: string } {
  if (typeof name !== 'string' || !name) {
    throw new InputError('environment is required');
  }
  const { annotations } = readDeliveryAnnotations(entity);
  if (!annotations.release) {
    throw new InputError(
      'The entity has no delivery/release or delivery/chart annotation',
    );
  }
  const env = config.environments.find(e => e.name === name);
  if (!env) throw new InputError(`Unknown environment "${name.slice(0, 64)}"`);
  if (annotations.environments && !annotations.environments.includes(name)) {
    throw new NotAllowedError(
      `Environment ${name} is not one of this entity's environments (delivery/environments)`,
    );
  }
  return { env, release: annotations.release };
}
