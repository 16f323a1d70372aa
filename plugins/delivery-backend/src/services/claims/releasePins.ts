import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * `delivery.releases.<release>.entity`: the admin's pins that resolve a
 * contested release (release name lower-cased -> entity ref). A bad ref is a
 * start-up error naming the key.
 */
export function readReleasePins(config: Config): ReadonlyMap<string, string> {
  const pins = new Map<string, string>();
  const releases = config.getOptionalConfig('delivery.releases');
  for (const release of releases?.keys() ?? []) {
    const key = `delivery.releases.${release}.entity`;
    const value = releases!.getString(`${release}.entity`);
    try {
      pins.set(
        release.toLocaleLowerCase('en-US'),
        stringifyEntityRef(
          parseEntityRef(value, {
            defaultKind: 'component',
            defaultNamespace: 'default',
          }),
        ),
      );
    } catch (e) {
      throw new InputError(
        `${key}: "${value}" is not an entity ref (${(e as Error).message})`,
      );
    }
  }
  return pins;
}
