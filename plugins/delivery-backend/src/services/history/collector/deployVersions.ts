import type { RecordedDeploy, RecordedPinChange } from '../types';

/** The committer date (ISO) of a config commit, or undefined when it cannot be read now. */
export type CommitDate = (
  environment: string,
  sha: string,
) => Promise<string | undefined>;

/**
 * Fills the version of deploy runs the view could not join to a pin (it
 * reads the pin at a bounded number of deployed config commits) from the
 * recorded pin changes of the same environment, on evidence only:
 * - the deployed config commit changed the pin: that change;
 * - else the pin at that commit is the newest recorded change committed at
 *   or before the commit itself (the config branch's history), so the
 *   commit's own date is read (one request per distinct commit, memoised by
 *   the caller).
 * A run without a config commit, whose commit date cannot be read, or older
 * than every recorded change, stays without a version: a missing link is
 * never guessed (the run's start time would be a guess: a run may deploy an
 * older commit).
 */
export async function fillDeployVersions(
  deploys: RecordedDeploy[],
  pinChanges: RecordedPinChange[],
  commitDate: CommitDate,
): Promise<RecordedDeploy[]> {
  const out: RecordedDeploy[] = [];
  for (const d of deploys) {
    out.push(await fillOne(d, pinChanges, commitDate));
  }
  return out;
}

async function fillOne(
  d: RecordedDeploy,
  pinChanges: RecordedPinChange[],
  commitDate: CommitDate,
): Promise<RecordedDeploy> {
  if (d.version || !d.configSha) return d;
  const env = pinChanges.filter(p => p.environment === d.environment);
  const exact = env.find(p => p.configSha === d.configSha);
  if (exact) return { ...d, version: exact.toVersion };
  if (!env.length) return d;
  const date = await commitDate(d.environment, d.configSha);
  const at = date ? Date.parse(date) : NaN;
  if (Number.isNaN(at)) return d;
  const before = env
    .filter(p => Date.parse(p.committedAt) <= at)
    .sort((a, b) => Date.parse(b.committedAt) - Date.parse(a.committedAt))[0];
  return before ? { ...d, version: before.toVersion } : d;
}
