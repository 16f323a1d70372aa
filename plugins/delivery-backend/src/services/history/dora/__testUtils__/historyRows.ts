import type {
  EntityHistory,
  RecordedChange,
  RecordedDeploy,
  RecordedObservation,
  RecordedPinChange,
} from '../../types';

/** Test helper: hand-built recorded rows of `component:default/svc` (production = `prod`). */
export const ENTITY = 'component:default/svc';

export function history(parts: Partial<EntityHistory> = {}): EntityHistory {
  return {
    entityRef: ENTITY,
    builds: [],
    changes: [],
    pinChanges: [],
    deploys: [],
    observations: [],
    actions: [],
    ...parts,
  };
}

/** A prod deploy run that took `minutes` from `startedAt`. */
export function deploy(
  number: number,
  startedAt: string,
  result: RecordedDeploy['result'],
  version: string | undefined,
  options: { minutes?: number; environment?: string } = {},
): RecordedDeploy {
  const finished = new Date(
    Date.parse(startedAt) + (options.minutes ?? 10) * 60_000,
  ).toISOString();
  return {
    entityRef: ENTITY,
    environment: options.environment ?? 'prod',
    number,
    url: `https://jenkins.example/job/deploy/${number}/`,
    configSha: `cfg${number}`.padEnd(40, '0'),
    version,
    result,
    startedAt,
    finishedAt: result === null ? undefined : finished,
  };
}

export function pin(
  configSha: string,
  committedAt: string,
  fromVersion: string | undefined,
  toVersion: string,
  environment = 'prod',
): RecordedPinChange {
  return {
    entityRef: ENTITY,
    environment,
    release: 'svc',
    configSha,
    fromVersion,
    toVersion,
    committedAt,
  };
}

export function observation(
  observedAt: string,
  status: RecordedObservation['status'],
  runningVersion?: string,
  environment = 'prod',
): RecordedObservation {
  return {
    entityRef: ENTITY,
    environment,
    observedAt,
    status,
    runningVersion,
  };
}

export function change(
  sha: string,
  version: string,
  committedAt: string,
): RecordedChange {
  return { entityRef: ENTITY, version, sha: sha.padEnd(40, 'a'), committedAt };
}

/** The options of most tests: 30 days before 2026-03-31T00:00Z, prod, 24 h window. */
export const OPTIONS = {
  environment: 'prod',
  days: 30,
  now: new Date('2026-03-31T00:00:00Z'),
  failureWindowHours: 24,
};

/**
 * A successful production deploy of 0.0.1 long before the period: the
 * version that ran before, so the first deploy of a test is a known change
 * (without it, the previous version is unknown and nothing counts).
 */
export const EARLIER = deploy(0, '2026-01-01T10:00:00Z', 'SUCCESS', '0.0.1');
