import { median, nearestRank } from './stats';
import { utcDays, utcWeek, utcWeeks } from './time';

describe('median and nearest-rank', () => {
  it('is null for nothing, never 0', () => {
    expect(median([])).toBeNull();
    expect(nearestRank([], 90)).toBeNull();
  });
  it('takes the middle value or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('takes the value at rank ceil(p * n)', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(nearestRank([7], 90)).toBe(7);
    expect(() => nearestRank([1], 0)).toThrow('Percentile must be in (0, 100]');
  });
});

describe('UTC buckets', () => {
  it('starts weeks on Monday', () => {
    expect(utcWeek(Date.parse('2026-03-01T23:59:59Z'))).toBe('2026-02-23'); // a Sunday
    expect(utcWeek(Date.parse('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
  });
  it('lists every day and week touched by a period', () => {
    const from = Date.parse('2026-03-01T12:00:00Z');
    const to = Date.parse('2026-03-09T01:00:00Z');
    expect(utcDays(from, to)).toHaveLength(9);
    expect(utcWeeks(from, to)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
  });
});
