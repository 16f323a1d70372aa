import { xposerPerformance } from '../__fixtures__/xposerPerformance';
import {
  formatFrequency,
  formatHours,
  formatRate,
  historyCoverage,
  weeklySums,
} from './dora';

describe('DORA figures in words', () => {
  it('writes durations in the unit a reader expects', () => {
    expect(formatHours(0)).toBe('0 h');
    expect(formatHours(0.25)).toBe('15 min');
    expect(formatHours(7)).toBe('7 h');
    expect(formatHours(33.5)).toBe('33.5 h');
    expect(formatHours(60)).toBe('2.5 d');
    expect(formatHours(24 * 21)).toBe('3 w');
    expect(formatHours(null)).toBe('—');
    expect(formatHours(Number.NaN)).toBe('—');
  });

  it('writes rates and frequencies', () => {
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(6 / 21)).toBe('28.6%');
    expect(formatRate(null)).toBe('—');
    expect(formatFrequency(1.4777)).toBe('1.5 / week');
    expect(formatFrequency(14)).toBe('2 / day');
  });

  it('tells how much of the period the history covers', () => {
    expect(historyCoverage(xposerPerformance(90))).toEqual({ kind: 'full' });
    expect(historyCoverage(xposerPerformance(180))).toEqual({
      kind: 'partial',
      since: '2026-06-15T09:00:00.000Z',
      unknownDays: 14,
    });
    const none = { ...xposerPerformance(30), historySince: undefined };
    expect(historyCoverage(none)).toEqual({ kind: 'none' });
    const quiet = xposerPerformance(30);
    quiet.deploymentFrequency = { ...quiet.deploymentFrequency, deploys: [] };
    quiet.changeFailureRate = { ...quiet.changeFailureRate, total: 0 };
    expect(historyCoverage(quiet)).toEqual({
      kind: 'no-deploys',
      since: '2026-06-15T09:00:00.000Z',
    });
  });

  it('sums daily counts into weeks', () => {
    const days = Array.from({ length: 9 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      value: i < 7 ? i % 2 : null,
    }));
    expect(weeklySums(days)).toEqual([
      { date: '2026-11-01', value: 3 },
      { date: '2026-11-08', value: null },
    ]);
    const perf = xposerPerformance(90);
    const weeks = weeklySums(perf.deploymentFrequency.trend);
    expect(weeks).toHaveLength(13);
    expect(weeks.reduce((n, w) => n + (w.value ?? 0), 0)).toBe(
      perf.deploymentFrequency.count,
    );
  });
});
