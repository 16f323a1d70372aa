import type {
  DeliveryPerformance,
  DoraIncident,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { restoreBand } from './bands';
import { inPeriod, type Period } from './period';
import { deployTime, environmentDeploys } from './productionDeploys';
import { hoursBetween, toMs } from './time';
import { median } from './stats';
import { weekly } from './trend';

/** A production event that starts or ends an incident. */
interface Event {
  atMs: number;
  at: string;
  /** Starts an incident with this status, or ends one (`restore`). */
  kind: 'deploy-failed' | 'drifted' | 'restore';
  detail: string;
}

function events(history: EntityHistory, environment: string): Event[] {
  const out: Event[] = [];
  for (const d of environmentDeploys(history, environment)) {
    const at = d.finishedAt ?? d.startedAt;
    if (d.result === 'FAILURE') {
      out.push({
        atMs: deployTime(d),
        at,
        kind: 'deploy-failed',
        detail: `deploy run #${d.number} failed`,
      });
    } else if (d.result === 'SUCCESS') {
      out.push({
        atMs: deployTime(d),
        at,
        kind: 'restore',
        detail: `deploy run #${d.number} succeeded`,
      });
    }
  }
  for (const o of history.observations) {
    if (o.environment !== environment) continue;
    const running = o.runningVersion ? ` (running ${o.runningVersion})` : '';
    if (o.status === 'deploy-failed' || o.status === 'drifted') {
      out.push({
        atMs: toMs(o.observedAt),
        at: o.observedAt,
        kind: o.status,
        detail: `observed ${o.status}${running}`,
      });
    } else if (o.status === 'in-sync') {
      out.push({
        atMs: toMs(o.observedAt),
        at: o.observedAt,
        kind: 'restore',
        detail: `observed in-sync${running}`,
      });
    }
  }
  // at the same instant a failure sorts before a restore: it is restored at once (0 h)
  return out.sort(
    (a, b) =>
      a.atMs - b.atMs ||
      Number(a.kind === 'restore') - Number(b.kind === 'restore'),
  );
}

/** The failure episodes of the environment, oldest first; the last may be open. */
export function incidents(
  history: EntityHistory,
  environment: string,
): DoraIncident[] {
  const out: DoraIncident[] = [];
  let open: DoraIncident | undefined;
  for (const e of events(history, environment)) {
    if (!open && e.kind !== 'restore') {
      open = { environment, status: e.kind, startedAt: e.at, detail: e.detail };
    } else if (open && e.kind === 'restore') {
      out.push({
        ...open,
        restoredAt: e.at,
        restoreHours: hoursBetween(open.startedAt, e.at),
        detail: `${open.detail}; restored: ${e.detail}`,
      });
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}

/**
 * Time to restore: from the first failed production deploy run or
 * deploy-failed/drifted observation to the next SUCCESS production deploy
 * run or in-sync observation. The median counts the incidents restored in
 * the period; incidents still open are listed without `restoredAt`. The
 * trend is the median per UTC week of the restore.
 */
export function timeToRestore(
  history: EntityHistory,
  period: Period,
): DeliveryPerformance['timeToRestore'] {
  const listed = incidents(history, period.environment).filter(i =>
    i.restoredAt
      ? inPeriod(period, toMs(i.restoredAt))
      : toMs(i.startedAt) <= period.toMs,
  );
  const restored = listed.filter(i => i.restoreHours !== undefined);
  const medianHours = median(restored.map(i => i.restoreHours!));
  return {
    medianHours,
    band: restoreBand(medianHours),
    trend: weekly(
      period,
      restored,
      i => toMs(i.restoredAt!),
      xs => median(xs.map(i => i.restoreHours!)),
    ),
    incidents: listed,
  };
}
