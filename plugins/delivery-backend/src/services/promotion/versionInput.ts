import { InputError } from '@backstage/errors';

/**
 * SemVer 2.0.0 (semver.org's own regular expression: no leading zeros in
 * numeric identifiers, non-empty pre-release and build identifiers) with an
 * optional leading lower-case `v`, as Helm accepts chart versions.
 */
const SEMVER2 =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Longest accepted version string. */
export const MAX_VERSION_LENGTH = 128;

/**
 * Validates a requested version before anything else happens. Helm requires
 * chart versions to be SemVer 2, so a pin that is not SemVer 2 could never
 * deploy: only SemVer 2 versions with or without a leading `v` are accepted
 * (`v0.0.20`, `0.0.8`, `1.2.3-rc.1+build.5`). Plain tags (`latest`,
 * `2024.01.02`), whitespace, newlines, YAML syntax and anything over 128
 * characters are refused with an `InputError` (400).
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
  if (SEMVER2.test(version)) {
    return version;
  }
  throw new InputError(
    `version "${JSON.stringify(version).slice(
      1,
      -1,
    )}" is not a SemVer 2 version: ` +
      'Helm chart versions look like 1.2.3 or v1.2.3 (optionally -prerelease and +build)',
  );
}

/** True for SemVer 2 versions (optional leading `v`). */
export function isSemverish(version: string): boolean {
  return SEMVER2.test(version);
}

/** The version without its leading `v` (`v0.0.20` -> `0.0.20`). */
export function normalizeVersionInput(version: string): string {
  return SEMVER2.test(version) ? version.replace(/^v/, '') : version;
}
