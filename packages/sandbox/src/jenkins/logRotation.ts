import type { JenkinsBuild, JenkinsJob } from './model';

/**
 * A job's "Discard old builds" setting (`hudson.tasks.LogRotator`): keep the last `count` runs,
 * and/or only runs started in the last `days` days.
 * @public
 */
export interface BuildDiscarder {
  count?: number;
  days?: number;
}

/** The runs one rotation deleted, per job (full name `a/b/c`). @public */
export interface RotationResult {
  job: string;
  deleted: number[];
}

const DAY = 24 * 60 * 60 * 1000;

/** Like `LogRotator.shouldKeepRun`: the last successful and last stable runs and running ones stay. */
function keptAnyway(job: JenkinsJob): Set<JenkinsBuild> {
  const newest = (ok: (b: JenkinsBuild) => boolean) =>
    [...job.builds].reverse().find(ok);
  const kept = new Set<JenkinsBuild>(job.builds.filter(b => b.result === null));
  const lastSuccessful = newest(
    b => b.result === 'SUCCESS' || b.result === 'UNSTABLE',
  );
  const lastStable = newest(b => b.result === 'SUCCESS');
  if (lastSuccessful) kept.add(lastSuccessful);
  if (lastStable) kept.add(lastStable);
  return kept;
}

/**
 * Deletes the runs Jenkins' LogRotator deletes after a build: beyond the newest `count`, and
 * those started more than `days` days before `now`, except the last successful, the last
 * stable and running runs. Build numbers are never reused (`nextBuildNumber` stays).
 * Returns the deleted run numbers, oldest first.
 */
export function rotateJobBuilds(
  job: JenkinsJob,
  discarder: BuildDiscarder,
  now: number,
): number[] {
  const keep = keptAnyway(job);
  const byNewest = [...job.builds].sort((a, b) => b.number - a.number);
  const doomed = new Set<JenkinsBuild>();
  if (discarder.count !== undefined)
    byNewest.slice(discarder.count).forEach(b => doomed.add(b));
  if (discarder.days !== undefined) {
    const cutoff = now - discarder.days * DAY;
    byNewest.filter(b => b.timestamp < cutoff).forEach(b => doomed.add(b));
  }
  const deleted = job.builds.filter(b => doomed.has(b) && !keep.has(b));
  if (deleted.length === 0) return [];
  job.builds = job.builds.filter(b => !deleted.includes(b));
  return deleted.map(b => b.number);
}

/** Full name of a job (`a/b/c`). */
function fullNameOf(job: JenkinsJob): string {
  const names: string[] = [];
  for (let j: JenkinsJob | undefined = job; j; j = j.parent)
    names.unshift(j.name);
  return names.join('/');
}

/** Every job with runs under `root` (folders and multibranch projects walked). */
function jobsWithRuns(root: JenkinsJob): JenkinsJob[] {
  const out: JenkinsJob[] = [];
  const walk = (job: JenkinsJob) => {
    if (job.type !== 'folder' && job.type !== 'multibranch') out.push(job);
    job.children.forEach(walk);
  };
  root.children.forEach(walk);
  return out;
}

/** Rotates every job of a Jenkins; returns the jobs that lost runs. */
export function rotateAllBuilds(
  root: JenkinsJob,
  discarder: BuildDiscarder,
  now: number,
): RotationResult[] {
  const out: RotationResult[] = [];
  for (const job of jobsWithRuns(root)) {
    const deleted = rotateJobBuilds(job, discarder, now);
    if (deleted.length > 0) out.push({ job: fullNameOf(job), deleted });
  }
  return out;
}

/** The job a run belongs to (runs do not point at their job). */
export function jobOfBuild(
  root: JenkinsJob,
  build: JenkinsBuild,
): JenkinsJob | undefined {
  for (const job of jobsWithRuns(root))
    if (job.builds.includes(build)) return job;
  return undefined;
}
