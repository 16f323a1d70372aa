import type {
  EntityHistory,
  RecordedChange,
  RecordedDeploy,
  RecordedObservation,
  RecordedPinChange,
} from '../src/services/history/types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = (ms: number) => new Date(ms).toISOString();

/**
 * `days` days of production history of one entity, ending at `now`,
 * deterministic: a new version deployed every day at 10:00 (3 commits each,
 * 29, 19 and 4 hours before), every 7th deploy run FAILS first and succeeds
 * at 12:00, every 20th version is pinned back 3 hours later, a drift
 * episode (15:00-17:00) every 11th day.
 */
export function benchHistory(
  entityRef: string,
  options: { days: number; now: Date },
): EntityHistory {
  const deploys: RecordedDeploy[] = [];
  const pinChanges: RecordedPinChange[] = [];
  const changes: RecordedChange[] = [];
  const observations: RecordedObservation[] = [];
  const start =
    Math.floor((options.now.getTime() - options.days * DAY) / DAY) * DAY;
  let previous = '0.0.0';
  for (let d = 0; d < options.days; d++) {
    const day = start + d * DAY;
    const version = `1.${Math.floor(d / 100)}.${d % 100}`;
    const sha = (s: string) => `${s}${d}`.padEnd(40, '0');
    const deploy = (hour: number, result: 'SUCCESS' | 'FAILURE') => {
      const run = deploys.length + 1;
      deploys.push({
        entityRef,
        environment: 'prod',
        number: run,
        url: `http://jenkins-deploy/job/config-prod/${run}/`,
        configSha: sha('c'),
        version,
        result,
        startedAt: at(day + hour * HOUR),
        finishedAt: at(day + hour * HOUR + 10 * 60_000),
      });
    };
    pinChanges.push({
      entityRef,
      environment: 'prod',
      release: 'service',
      configSha: sha('c'),
      fromVersion: previous,
      toVersion: version,
      committedAt: at(day + 9 * HOUR),
      pullRequest: {
        number: 1000 + d,
        mergedBy: 'bench',
        mergedAt: at(day + 9 * HOUR),
      },
    });
    for (const [i, hoursBefore] of [29, 19, 4].entries()) {
      changes.push({
        entityRef,
        version,
        sha: sha(`a${i}`),
        message: `change ${i} of ${version}`,
        committedAt: at(day + (10 - hoursBefore) * HOUR),
      });
    }
    if (d % 7 === 3) {
      deploy(10, 'FAILURE');
      deploy(12, 'SUCCESS');
    } else {
      deploy(10, 'SUCCESS');
    }
    if (d % 20 === 5) {
      pinChanges.push({
        entityRef,
        environment: 'prod',
        release: 'service',
        configSha: sha('r'),
        fromVersion: version,
        toVersion: previous,
        committedAt: at(day + 13 * HOUR),
      });
    }
    observations.push({
      entityRef,
      environment: 'prod',
      observedAt: at(day + 10 * HOUR + 11 * 60_000),
      status: 'in-sync',
      pinnedVersion: version,
      runningVersion: version,
    });
    if (d % 11 === 7) {
      observations.push(
        {
          entityRef,
          environment: 'prod',
          observedAt: at(day + 15 * HOUR),
          status: 'drifted',
          pinnedVersion: version,
          runningVersion: previous,
        },
        {
          entityRef,
          environment: 'prod',
          observedAt: at(day + 17 * HOUR),
          status: 'in-sync',
          pinnedVersion: version,
          runningVersion: version,
        },
      );
    }
    previous = version;
  }
  return {
    entityRef,
    builds: [],
    changes,
    pinChanges,
    deploys,
    observations,
    actions: [],
  };
}
