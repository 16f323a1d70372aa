/**
 * SemVer 2.0.0 (semver.org's own regular expression: no leading zeros in
 * numeric identifiers, non-empty pre-release and build identifiers) with an
 * optional leading lower-case `v`, as Helm accepts chart versions.
 */
const SEMVER2 =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/**
 * Longest chart version accepted as input.
 * @public
 */
export const MAX_CHART_VERSION_LENGTH = 128;

/**
 * True for a version Helm accepts for a chart: SemVer 2 with or without a
 * leading `v` (`v0.0.20`, `0.0.8`, `1.2.3-rc.1+build.5`), at most
 * {@link MAX_CHART_VERSION_LENGTH} characters. Plain tags (`latest`,
 * `2024.01.02`), whitespace and YAML syntax are not.
 * @public
 */
export function isChartVersion(version: unknown): version is string {
  return (
    typeof version === 'string' &&
    version.length <= MAX_CHART_VERSION_LENGTH &&
    SEMVER2.test(version)
  );
}
