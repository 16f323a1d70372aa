import { InputError } from '@backstage/errors';
import {
  isChartVersion,
  MAX_CHART_VERSION_LENGTH,
} from '@gitops-delivery/backstage-plugin-delivery-node';

/**
 * Validates a requested version before anything else happens. Helm requires
 * chart versions to be SemVer 2, so a pin that is not SemVer 2 could never
 * deploy: only what delivery-node's `isChartVersion` accepts passes (SemVer 2
 * with or without a leading `v`: `v0.0.20`, `0.0.8`, `1.2.3-rc.1+build.5`).
 * Plain tags (`latest`, `2024.01.02`), whitespace, newlines, YAML syntax and
 * anything over `MAX_CHART_VERSION_LENGTH` characters are refused with an
 * `InputError` (400) that says why.
 */
export function validateVersionInput(version: unknown): string {
  if (typeof version !== 'string' || version.length === 0) {
    throw new InputError('version must be a non-empty string');
  }
  if (version.length > MAX_CHART_VERSION_LENGTH) {
    throw new InputError(
      `version must be at most ${MAX_CHART_VERSION_LENGTH} characters`,
    );
  }
  if (isChartVersion(version)) {
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

/** The version without its leading `v` (`v0.0.20` -> `0.0.20`). */
export function normalizeVersionInput(version: string): string {
  return isChartVersion(version) ? version.replace(/^v/, '') : version;
}
