import type { DoraTrendPoint } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { Period } from './period';
import { utcDay, utcDays, utcWeek, utcWeeks } from './time';

/**
 * How many items fell on each UTC day of the period: 0 on a day without any,
 * `null` on a day before `knownSince` (the oldest recorded event: nothing was
 * recorded then, so nothing was measured).
 */
export function dailyCounts(
  period: Period,
  timesMs: readonly number[],
  knownSince?: string,
): DoraTrendPoint[] {
  const firstKnownDay = knownSince ? utcDay(Date.parse(knownSince)) : undefined;
  const counts = new Map<string, number>();
  for (const t of timesMs) {
    const day = utcDay(t);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return utcDays(period.fromMs, period.toMs).map(date => ({
    date,
    value:
      firstKnownDay === undefined || date >= firstKnownDay
        ? counts.get(date) ?? 0
        : null,
  }));
}

/**
 * One point per UTC week (Monday) of the period: `reduce` of the values that
 * fell in that week, `null` for a week without any.
 */
export function weekly<T>(
  period: Period,
  items: readonly T[],
  timeOf: (item: T) => number,
  reduce: (items: T[]) => number | null,
): DoraTrendPoint[] {
  const byWeek = new Map<string, T[]>();
  for (const item of items) {
    const week = utcWeek(timeOf(item));
    const inWeek = byWeek.get(week);
    if (inWeek) inWeek.push(item);
    else byWeek.set(week, [item]);
  }
  return utcWeeks(period.fromMs, period.toMs).map(date => {
    const inWeek = byWeek.get(date);
    return { date, value: inWeek ? reduce(inWeek) : null };
  });
}
