import type {
  DeliveryPerformance,
  DoraBand,
  DoraTrendPoint,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** The periods the performance section offers, in days. */
export const PERFORMANCE_PERIODS = [30, 90, 180] as const;

/** One of {@link PERFORMANCE_PERIODS}. */
export type PerformancePeriod = (typeof PERFORMANCE_PERIODS)[number];

const BAND_LABELS: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** `Elite`, `High`, `Medium`, `Low`. */
export function bandLabel(band: DoraBand): string {
  return BAND_LABELS[band] ?? band;
}

/** `7 h`, `1.5 d`, `3 w`; `—` when there was nothing to measure. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) {
    return '—';
  }
  if (hours === 0) return '0 h';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round1(hours)} h`;
  if (hours < 24 * 14) return `${round1(hours / 24)} d`;
  return `${round1(hours / (24 * 7))} w`;
}

/** `12%`, `4.5%`; `—` when there was nothing to measure. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return '—';
  }
  return `${round1(rate * 100)}%`;
}

/** `1.3 / week`, or `2.1 / day` at a day or more. */
export function formatFrequency(perWeek: number): string {
  if (perWeek >= 7) return `${round1(perWeek / 7)} / day`;
  return `${round1(perWeek)} / week`;
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** `2026-07-15` of an ISO time, for sentences. */
export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

/** `deploy` / `deploys`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * What the section should say before the figures: nothing recorded at all,
 * nothing in this period, or a period that starts before history does.
 */
export type HistoryCoverage =
  | { kind: 'none' }
  | { kind: 'no-deploys'; since?: string }
  | { kind: 'partial'; since: string; unknownDays: number }
  | { kind: 'full' };

/** How much of the period the recorded history covers. */
export function historyCoverage(perf: DeliveryPerformance): HistoryCoverage {
  const deploys =
    perf.changeFailureRate.total + perf.deploymentFrequency.deploys.length;
  if (!perf.historySince) return { kind: 'none' };
  if (deploys === 0) return { kind: 'no-deploys', since: perf.historySince };
  const from = Date.parse(perf.period.from);
  const since = Date.parse(perf.historySince);
  if (since > from) {
    const unknownDays = Math.ceil((since - from) / (24 * 3600 * 1000));
    return { kind: 'partial', since: perf.historySince, unknownDays };
  }
  return { kind: 'full' };
}

/**
 * Daily counts summed into weeks of 7 points from the first (the last week
 * may be shorter); a week with no value at all stays `null`.
 */
export function weeklySums(points: DoraTrendPoint[]): DoraTrendPoint[] {
  const weeks: DoraTrendPoint[] = [];
  for (let i = 0; i < points.length; i += 7) {
    const week = points.slice(i, i + 7);
    const values = week
      .map(p => p.value)
      .filter((v): v is number => v !== null);
    weeks.push({
      date: week[0].date,
      value: values.length ? values.reduce((a, b) => a + b, 0) : null,
    });
  }
  return weeks;
}
