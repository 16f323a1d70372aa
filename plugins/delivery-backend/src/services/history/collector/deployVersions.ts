import type { RecordedDeploy, RecordedPinChange } from '../types';

/**
 * Fills the version of deploy runs the view could not join to a pin (it
 * reads the pin at a bounded number of deployed config commits) from the
 * recorded pin changes of the same environment: the change made by the
 * deployed config commit, else the newest change committed before the run
 * started. A run with no config commit, or before any recorded change,
 * stays without a version.
 */
export function fillDeployVersions(
  deploys: RecordedDeploy[],
  pinChanges: RecordedPinChange[],
): RecordedDeploy[] {
  return deploys.map(d => {
    if (d.version || !d.configSha) return d;
    const env = pinChanges.filter(p => p.environment === d.environment);
    const exact = env.find(p => p.configSha === d.configSha);
    const started = Date.parse(d.startedAt);
    const before = env
      .filter(p => Date.parse(p.committedAt) <= started)
      .sort((a, b) => Date.parse(b.committedAt) - Date.parse(a.committedAt))[0];
    const version = (exact ?? before)?.toVersion;
    return version ? { ...d, version } : d;
  });
}
