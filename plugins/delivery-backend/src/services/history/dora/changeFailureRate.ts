import type {
  DeliveryPerformance,
  DoraDeploy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { changeFailureBand } from './bands';
import { inPeriod, type Period } from './period';
import {
  environmentDeploys,
  settledDeploys,
  type SettledDeploy,
} from './productionDeploys';
import { hoursBetween, isoForText, toMs } from './time';
import { weekly } from './trend';
import { toDoraDeploy } from './toDoraDeploy';
import { isOlderVersion } from './versionOrder';

type Failure = NonNullable<DoraDeploy['failure']>;

/**
 * Why a production deploy of a new version counts as a failed change, if it
 * does (first match): the run FAILED; a later production pin change to an
 * older version within the window (a rollback); a deploy-failed or drifted
 * observation after the run started, within the window and before the next
 * production deploy run started.
 */
export function failureOf(
  history: EntityHistory,
  period: Period,
  settled: SettledDeploy,
  nextRunStartMs: number,
): Failure | undefined {
  const { deploy, atMs } = settled;
  const windowEnd = atMs + period.windowMs;
  if (deploy.result === 'FAILURE') {
    return {
      kind: 'deploy-failed',
      detail: `deploy run #${deploy.number} FAILURE`,
    };
  }
  const rollback = history.pinChanges.find(p => {
    const t = toMs(p.committedAt);
    return (
      p.environment === period.environment &&
      t > atMs &&
      t <= windowEnd &&
      isOlderVersion(p.toVersion, deploy.version!)
    );
  });
  if (rollback) {
    const after = hoursBetween(
      new Date(atMs).toISOString(),
      rollback.committedAt,
    );
    return {
      kind: 'rolled-back',
      detail: `pinned back to ${rollback.toVersion} at ${isoForText(
        rollback.committedAt,
      )} (${rollback.configSha.slice(0, 7)}), ${after} h after the run ended`,
    };
  }
  const startMs = toMs(deploy.startedAt);
  const status = history.observations.find(o => {
    const t = toMs(o.observedAt);
    return (
      o.environment === period.environment &&
      (o.status === 'deploy-failed' || o.status === 'drifted') &&
      t > startMs &&
      t <= windowEnd &&
      t < nextRunStartMs
    );
  });
  if (status) {
    return {
      kind: 'status-after-deploy',
      detail: `observed ${status.status} at ${isoForText(status.observedAt)}${
        status.runningVersion ? ` (running ${status.runningVersion})` : ''
      }`,
    };
  }
  return undefined;
}

/**
 * Change failure rate: among the production deploy runs of a new version
 * (SUCCESS or FAILURE) that ended in the period, the share that failed
 * (see {@link failureOf}); `null` without any. The trend is the rate per
 * UTC week.
 */
export function changeFailureRate(
  history: EntityHistory,
  period: Period,
): DeliveryPerformance['changeFailureRate'] {
  const runs = environmentDeploys(history, period.environment);
  const nextStart = (settled: SettledDeploy) => {
    const i = runs.indexOf(settled.deploy);
    const next = runs[i + 1];
    return next ? toMs(next.startedAt) : Number.POSITIVE_INFINITY;
  };
  const counted = settledDeploys(history, period.environment)
    .filter(s => s.newVersion && inPeriod(period, s.atMs))
    .map(s => ({ s, failure: failureOf(history, period, s, nextStart(s)) }));
  const failed = counted.filter(c => c.failure).length;
  const total = counted.length;
  const rate = total ? failed / total : null;
  return {
    rate,
    failed,
    total,
    band: changeFailureBand(rate),
    trend: weekly(
      period,
      counted,
      c => c.s.atMs,
      xs => xs.filter(c => c.failure).length / xs.length,
    ),
    deploys: counted.map(c => toDoraDeploy(history, c.s, c.failure)),
  };
}
