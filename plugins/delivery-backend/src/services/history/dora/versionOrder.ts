import { normalizeVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import semver from 'semver';

/**
 * Whether `candidate` is an older version than `than` (semver on the
 * versions without a leading `v`). Versions that are not semver cannot be
 * ordered: never older.
 */
export function isOlderVersion(candidate: string, than: string): boolean {
  const a = semver.valid(normalizeVersion(candidate));
  const b = semver.valid(normalizeVersion(than));
  if (!a || !b) return false;
  return semver.lt(a, b);
}
