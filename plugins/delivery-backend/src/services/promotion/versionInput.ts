import { InputError } from '@backstage/errors';

const SEMVERISH = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/** A plain tag: no whitespace, no YAML indicators, no path or control characters. */
const PLAIN_TAG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Longest accepted version string. */
export const MAX_VERSION_LENGTH = 128;

/**
 * Validates a requested version before anything else happens. Accepts
 * semver-ish versions (`v0.0.20`, `1.2.3-rc.1+build.5`) and plain tags
 * (`latest-stable`, `2024.01.02`). Rejects whitespace, newlines, YAML syntax
 * (`: # { } [ ] , & * ! | > ' " % @ \``), paths and anything over 128 chars.
 * Throws `InputError` (400).
 * @public
 */
export function validateVersionInput(version: unknown): string {
  if (typeof version !== 'string' || version.length === 0) {
    throw new InputError('version must be a non-empty string');
  }
  if (version.length > MAX_VERSION_LENGTH) {
    throw new InputError(
      `version must be at most ${MAX_VERSION_LENGTH} characters`,
    );
  }
  if (SEMVERISH.test(version) || PLAIN_TAG.test(version)) {
    return version;
  }
  throw new InputError(
    `version "${JSON.stringify(version).slice(1, -1)}" is not a valid version: ` +
      'expected semver such as v1.2.3 or a tag made of letters, digits, ".", "_" and "-"',
  );
}

/** True for semver-ish versions (optional leading `v`). @public */
export function isSemverish(version: string): boolean {
  return SEMVERISH.test(version);
}
