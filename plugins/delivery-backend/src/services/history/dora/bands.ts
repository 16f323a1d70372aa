import type { DoraBand } from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * The DORA performance bands (2023 Accelerate State of DevOps report, the
 * 2024 report's low cluster for the lower ends; thresholds and sources in
 * the backend README, "Delivery performance (DORA)").
 */

const HOURS_PER_DAY = 24;
const HOURS_PER_WEEK = 7 * HOURS_PER_DAY;
const HOURS_PER_MONTH = 30 * HOURS_PER_DAY;

/** Elite: on demand (more than one a day); high: daily to weekly; medium: weekly to monthly; low: less. */
export function frequencyBand(perDay: number): DoraBand {
  if (perDay > 1) return 'elite';
  if (perDay * 7 >= 1) return 'high';
  if (perDay * 30 >= 1) return 'medium';
  return 'low';
}

/** Elite: under a day; high: under a week; medium: under a month; low: a month or more. */
export function leadTimeBand(hours: number | null): DoraBand | undefined {
  if (hours === null) return undefined;
  if (hours < HOURS_PER_DAY) return 'elite';
  if (hours < HOURS_PER_WEEK) return 'high';
  if (hours < HOURS_PER_MONTH) return 'medium';
  return 'low';
}

/** Elite: at most 5 %; high: at most 10 %; medium: at most 15 %; low: more. */
export function changeFailureBand(rate: number | null): DoraBand | undefined {
  if (rate === null) return undefined;
  if (rate <= 0.05) return 'elite';
  if (rate <= 0.1) return 'high';
  if (rate <= 0.15) return 'medium';
  return 'low';
}

/** Elite: under an hour; high: under a day; medium: under a week; low: a week or more. */
export function restoreBand(hours: number | null): DoraBand | undefined {
  if (hours === null) return undefined;
  if (hours < 1) return 'elite';
  if (hours < HOURS_PER_DAY) return 'high';
  if (hours < HOURS_PER_WEEK) return 'medium';
  return 'low';
}

const ORDER: readonly DoraBand[] = ['low', 'medium', 'high', 'elite'];

/** The overall band: the lowest band among the keys that have one (none: undefined). */
export function overallBand(
  bands: ReadonlyArray<DoraBand | undefined>,
): DoraBand | undefined {
  const known = bands.filter((b): b is DoraBand => b !== undefined);
  if (known.length === 0) return undefined;
  return known.reduce((lowest, b) =>
    ORDER.indexOf(b) < ORDER.indexOf(lowest) ? b : lowest,
  );
}
