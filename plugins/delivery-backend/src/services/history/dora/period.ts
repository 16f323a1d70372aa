import { DAY_MS } from './time';

/** What the DORA figures are computed over. */
export interface PerformanceOptions {
  /** The production environment (one of `delivery.environments`). */
  environment: string;
  /** The period's length in days, ending at `now`. */
  days: number;
  now: Date;
  /** `delivery.history.changeFailureWindowHours`. */
  failureWindowHours: number;
}

/** The period `[fromMs, toMs]` (epoch ms) of the figures: the `days` days before `now`. */
export interface Period {
  fromMs: number;
  toMs: number;
  days: number;
  /** The change failure window in ms. */
  windowMs: number;
  environment: string;
}

/** The period of `options`; bad options are a clear error. */
export function periodOf(options: PerformanceOptions): Period {
  const { days, now, failureWindowHours, environment } = options;
  if (!(Number.isInteger(days) && days > 0))
    throw new RangeError(`days must be a positive integer, got ${days}`);
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a date');
  if (!(failureWindowHours > 0))
    throw new RangeError(
      `failureWindowHours must be positive, got ${failureWindowHours}`,
    );
  if (!environment) throw new RangeError('environment is required');
  const toMs = now.getTime();
  return {
    fromMs: toMs - days * DAY_MS,
    toMs,
    days,
    windowMs: failureWindowHours * 3_600_000,
    environment,
  };
}

/** Whether an epoch-ms time lies in the period (both ends included). */
export function inPeriod(period: Period, ms: number): boolean {
  return ms >= period.fromMs && ms <= period.toMs;
}
