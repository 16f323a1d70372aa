import type {
  DeliveryPerformance,
  DoraDeploy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  EntityHistory,
  RecordedObservation,
  RecordedPinChange,
} from '../types';
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

/** What a deploy's failure is judged against, parsed once per computation. */
interface FailureEvidence {
  windowMs: number;
  /** The environment's pin changes with their commit time. */
  pins: ReadonlyArray<{ pin: RecordedPinChange; atMs: number }>;
  /** The environment's deploy-failed and drifted observations with their time. */
  statuses: ReadonlyArray<{ observation: RecordedObservation; atMs: number }>;
}

function evidenceOf(history: EntityHistory, period: Period): FailureEvidence {
  const env = period.environment;
  return {
    windowMs: period.windowMs,
    pins: history.pinChanges
      .filter(p => p.environment === env)
      .map(pin => ({ pin, atMs: toMs(pin.committedAt) })),
    statuses: history.observations
      .filter(
        o =>
          o.environment === env &&
          (o.status === 'deploy-failed' || o.status === 'drifted'),
      )
      .map(observation => ({
        observation,
        atMs: toMs(observation.observedAt),
      })),
  };
}

/**
 * Why a production deploy of a new version counts as a failed change, if it
 * does (first match): the run FAILED; a later production pin change to an
 * older version within the window (a rollback); a deploy-failed or drifted
 * observation after the run started, within the window and before the next
 * production deploy run started.
 */
export function failureOf(
  evidence: FailureEvidence,
  settled: SettledDeploy,
  nextRunStartMs: number,
): Failure | undefined {
  const { deploy, atMs } = settled;
  const windowEnd = atMs + evidence.windowMs;
  if (deploy.result === 'FAILURE') {
    return {
      kind: 'deploy-failed',
      detail: `deploy run #${deploy.number} FAILURE`,
    };
  }
  const rollback = evidence.pins.find(
    p =>
      p.atMs > atMs &&
      p.atMs <= windowEnd &&
      isOlderVersion(p.pin.toVersion, deploy.version!),
  )?.pin;
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
  const status = evidence.statuses.find(
    s => s.atMs > startMs && s.atMs <= windowEnd && s.atMs < nextRunStartMs,
  )?.observation;
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
  const position = new Map(runs.map((d, i) => [d, i]));
  const nextStart = (settled: SettledDeploy) => {
    const next = runs[position.get(settled.deploy)! + 1];
    return next ? toMs(next.startedAt) : Number.POSITIVE_INFINITY;
  };
  const evidence = evidenceOf(history, period);
  const counted = settledDeploys(history, period.environment)
    .filter(s => s.newVersion && inPeriod(period, s.atMs))
    .map(s => ({ s, failure: failureOf(evidence, s, nextStart(s)) }));
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
