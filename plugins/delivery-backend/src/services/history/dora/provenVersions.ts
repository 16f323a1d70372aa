import type { EntityHistory, RecordedDeploy } from '../types';

/**
 * The history with each deploy run's version filled in where it was recorded
 * empty but a pin change of the same environment was recorded at exactly the
 * run's config commit (its `toVersion` is then the pin at that commit: a
 * proven link, not a guess). This happens when the run was recorded before
 * its config file's pin history was read; the collector does not revisit
 * rows, so the link is made here, at read time. Runs without such a pin
 * change keep no version and still count nowhere.
 */
export function withProvenVersions(history: EntityHistory): EntityHistory {
  if (history.deploys.every(d => d.version || !d.configSha)) return history;
  const pinAt = new Map<string, string>();
  for (const p of history.pinChanges) {
    const key = `${p.environment}\u0000${p.configSha}`;
    if (!pinAt.has(key)) pinAt.set(key, p.toVersion);
  }
  let filled = 0;
  const deploys = history.deploys.map((d): RecordedDeploy => {
    if (d.version || !d.configSha) return d;
    const version = pinAt.get(`${d.environment}\u0000${d.configSha}`);
    if (!version) return d;
    filled++;
    return { ...d, version };
  });
  return filled ? { ...history, deploys } : history;
}
