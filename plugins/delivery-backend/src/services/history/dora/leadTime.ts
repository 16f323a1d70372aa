import {
  type DeliveryPerformance,
  type DoraChange,
  normalizeVersion,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { leadTimeBand } from './bands';
import { firstRunning } from './firstRunning';
import { inPeriod, type Period } from './period';
import { median, nearestRank } from './stats';
import { hoursBetween, toMs } from './time';
import { weekly } from './trend';

/**
 * Lead time for changes: every code commit a version carries (the recorded
 * changes), from its commit time to the version's first seen running in
 * production, for the versions first seen running in the period. A commit
 * whose version never ran in production, or committed after it ran (an
 * inconsistent record), is not counted. Median and nearest-rank p90 in
 * hours; the trend is the median per UTC week of `runningAt`.
 */
export function leadTime(
  history: EntityHistory,
  period: Period,
): DeliveryPerformance['leadTime'] {
  const running = firstRunning(history, period.environment);
  const counted: Array<{
    change: DoraChange;
    runMs: number;
    commitMs: number;
  }> = [];
  for (const c of history.changes) {
    const first = running.get(normalizeVersion(c.version));
    if (!first || !inPeriod(period, first.atMs)) continue;
    const commitMs = toMs(c.committedAt);
    if (commitMs > first.atMs) continue;
    const change: DoraChange = {
      sha: c.sha,
      shortSha: c.sha.slice(0, 7),
      message: c.message,
      url: c.url,
      committedAt: c.committedAt,
      version: c.version,
      runningAt: first.at,
      runningVia: first.via,
      leadTimeHours: hoursBetween(c.committedAt, first.at),
    };
    counted.push({ change, runMs: first.atMs, commitMs });
  }
  const changes = counted
    .sort(
      (a, b) =>
        a.runMs - b.runMs ||
        a.commitMs - b.commitMs ||
        a.change.sha.localeCompare(b.change.sha),
    )
    .map(x => x.change);
  const hours = changes.map(c => c.leadTimeHours);
  const medianHours = median(hours);
  return {
    medianHours,
    p90Hours: nearestRank(hours, 90),
    band: leadTimeBand(medianHours),
    trend: weekly(
      period,
      changes,
      c => toMs(c.runningAt),
      xs => median(xs.map(c => c.leadTimeHours)),
    ),
    changes,
  };
}
