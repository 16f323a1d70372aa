/** Order statistics of the DORA figures (`null` for an empty list, never 0). */

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  const value = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return round2(value);
}

/** The nearest-rank percentile: the value at rank ceil(p / 100 * n). */
export function nearestRank(
  values: readonly number[],
  percentile: number,
): number | null {
  if (values.length === 0) return null;
  if (!(percentile > 0 && percentile <= 100)) {
    throw new RangeError(`Percentile must be in (0, 100], got ${percentile}`);
  }
  const s = sorted(values);
  const rank = Math.ceil((percentile / 100) * s.length);
  return round2(s[rank - 1]);
}

/** Rounded to two decimals (hours, rates). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
