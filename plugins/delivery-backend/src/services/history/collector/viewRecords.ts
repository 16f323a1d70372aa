import type {
  CodeBuild,
  DeliveryView,
  DeployRun,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  RecordedBuild,
  RecordedDeploy,
  RecordedObservation,
} from '../types';
import type { RawDeployRun } from '../../view/fromJenkinsBuild';

/** A run's end: its start plus its duration, once it stopped building. */
function finishedAt(run: {
  building: boolean;
  startedAt: string;
  durationMs: number;
}): string | undefined {
  if (run.building) return undefined;
  return new Date(Date.parse(run.startedAt) + run.durationMs).toISOString();
}

/** Drops keys whose value is undefined (records keep optional keys absent). */
function compact<O extends object>(o: O): O {
  for (const k of Object.keys(o) as (keyof O)[]) {
    if (o[k] === undefined) delete o[k];
  }
  return o;
}

/** A code build of the view as recorded. */
export function recordBuild(entityRef: string, b: CodeBuild): RecordedBuild {
  return compact({
    entityRef,
    number: b.number,
    url: b.url,
    version: b.version,
    commitSha: b.commit?.sha,
    result: b.building ? null : b.result,
    startedAt: b.startedAt,
    finishedAt: finishedAt(b),
  });
}

/** A deploy run of the view (with the entity's pin at its config commit) as recorded. */
export function recordDeploy(entityRef: string, d: DeployRun): RecordedDeploy {
  return compact({
    entityRef,
    environment: d.environment,
    number: d.number,
    url: d.url,
    configSha: d.configCommit?.sha,
    version: d.version,
    result: d.building ? null : d.result,
    startedAt: d.startedAt,
    finishedAt: finishedAt(d),
  });
}

/**
 * A deploy run read for the back-fill (older than the view's newest): its
 * config commit as the view joins it, its version filled later from the pin
 * at that commit (`fillDeployVersions`), never guessed.
 */
export function recordBackfilledDeploy(
  entityRef: string,
  environment: string,
  r: RawDeployRun,
): RecordedDeploy {
  return compact({
    entityRef,
    environment,
    number: r.number,
    url: r.url,
    configSha: r.configSha,
    result: r.building ? null : r.result,
    startedAt: r.startedAt,
    finishedAt: finishedAt(r),
  });
}

/**
 * The status of every environment whose status source answered, as an
 * observation at `observedAt` (an `unknown` status because a source failed
 * is not an observation: it would record a transition that did not happen).
 */
export function observations(
  view: DeliveryView,
  observedAt: string,
): RecordedObservation[] {
  return view.environments
    .filter(e => e.status !== 'unknown')
    .map(e =>
      compact({
        entityRef: view.entityRef,
        environment: e.name,
        observedAt,
        status: e.status,
        pinnedVersion: e.pinnedVersion,
        runningVersion: e.runningVersion,
      }),
    );
}

/**
 * Items numbered above `after` (a cursor), and the next cursor: just below
 * the oldest run still building, else the newest number seen.
 */
export function sinceCursor<R extends { number: number; building: boolean }>(
  runs: R[],
  after: number | undefined,
): { fresh: R[]; next: number | undefined } {
  const fresh = runs.filter(r => after === undefined || r.number > after);
  const building = fresh.filter(r => r.building).map(r => r.number);
  const numbers = runs.map(r => r.number);
  let next = after;
  if (building.length) next = Math.min(...building) - 1;
  else if (numbers.length) next = Math.max(after ?? 0, ...numbers);
  return { fresh, next };
}
