/** Time helpers of the DORA figures: every bucket is UTC. */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Milliseconds since the epoch of an ISO time; a clear error for a bad one. */
export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`Not an ISO date-time: "${iso}"`);
  return ms;
}

/** Hours from `from` to `to` (ISO times), rounded to 0.01 h. */
export function hoursBetween(from: string, to: string): number {
  return Math.round(((toMs(to) - toMs(from)) / HOUR_MS) * 100) / 100;
}

/** An ISO time for a sentence: whole seconds without `.000` (`2026-05-19T15:00:00Z`). */
export function isoForText(iso: string): string {
  return new Date(toMs(iso)).toISOString().replace(/\.000Z$/, 'Z');
}

/** The UTC day of an epoch-millisecond time, `YYYY-MM-DD`. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday (UTC) of the week of an epoch-millisecond time, `YYYY-MM-DD`. */
export function utcWeek(ms: number): string {
  const day = Math.floor(ms / DAY_MS) * DAY_MS;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return utcDay(day - weekday * DAY_MS);
}

/** Every UTC day from the day of `fromMs` to the day of `toMs`, inclusive. */
export function utcDays(fromMs: number, toMs_: number): string[] {
  const out: string[] = [];
  for (let d = Math.floor(fromMs / DAY_MS) * DAY_MS; d <= toMs_; d += DAY_MS) {
    out.push(utcDay(d));
  }
  return out;
}

/** Every UTC week (its Monday) from the week of `fromMs` to the week of `toMs`, inclusive. */
export function utcWeeks(fromMs: number, toMs_: number): string[] {
  const out: string[] = [];
  for (
    let w = toMs(`${utcWeek(fromMs)}T00:00:00Z`);
    w <= toMs_;
    w += 7 * DAY_MS
  ) {
    out.push(utcDay(w));
  }
  return out;
}

export { HOUR_MS, DAY_MS };
