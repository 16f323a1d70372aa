import { normalizeVersionInput } from './versionInput';

/**
 * The deterministic branch of a promotion: `delivery/<env>/<release>-<version>`
 * with the normalised version (no leading `v`: `0.0.20` and `v0.0.20` are one
 * branch). The same target and version always give the same branch, which is
 * what makes promote idempotent (an existing branch or PR is found again, not
 * duplicated).
 *
 * Inputs are already validated names/versions; anything git refuses in a ref
 * (`..`, `@{`, control characters, a trailing `.lock` or `.`) is neutralised
 * anyway, so the function is total.
 */
export function promotionBranchName(
  environment: string,
  release: string,
  version: string,
): string {
  return [
    'delivery',
    refComponent(environment),
    refComponent(`${release}-${normalizeVersionInput(version)}`),
  ].join('/');
}

/** Branch prefix of every promotion branch of one environment. */
export function promotionBranchPrefix(environment: string): string {
  return `delivery/${refComponent(environment)}/`;
}

function refComponent(raw: string): string {
  let s = raw.replace(/[^A-Za-z0-9._+-]/g, '-');
  s = s.replace(/\.{2,}/g, '.');
  s = s.replace(/^[.-]+/, '');
  s = s.replace(/(\.lock)+$/i, '');
  s = s.replace(/\.+$/, '');
  return s || '-';
}
