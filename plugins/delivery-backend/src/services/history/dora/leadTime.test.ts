import { leadTime } from './leadTime';
import { periodOf } from './period';
import {
  OPTIONS,
  change,
  deploy,
  history,
  observation,
} from './__testUtils__/historyRows';

const period = periodOf(OPTIONS);

describe('leadTime', () => {
  it('takes the earlier of a cluster observation and the first successful deploy (a tie is the cluster)', () => {
    const h = history({
      deploys: [
        deploy(1, '2026-03-05T10:00:00Z', 'FAILURE', '1.0.0'),
        deploy(2, '2026-03-05T12:00:00Z', 'SUCCESS', '1.0.0'), // ends 12:10
        deploy(3, '2026-03-06T12:00:00Z', 'SUCCESS', '1.1.0'), // ends 12:10
      ],
      observations: [
        observation('2026-03-05T12:30:00Z', 'in-sync', '1.0.0'),
        observation('2026-03-06T12:10:00Z', 'in-sync', 'v1.1.0'),
        observation('2026-03-05T11:00:00Z', 'in-sync', '1.1.0', 'staging'),
      ],
      changes: [
        change('a', '1.0.0', '2026-03-05T00:10:00Z'),
        change('b', '1.1.0', '2026-03-06T00:10:00Z'),
      ],
    });
    const l = leadTime(h, period);
    expect(
      l.changes.map(c => [
        c.version,
        c.runningVia,
        c.runningAt,
        c.leadTimeHours,
      ]),
    ).toEqual([
      ['1.0.0', 'deployRun', '2026-03-05T12:10:00.000Z', 12],
      ['1.1.0', 'cluster', '2026-03-06T12:10:00Z', 12],
    ]);
  });

  it('does not count versions first running before the period, never running, or commits after the run', () => {
    const h = history({
      deploys: [
        deploy(1, '2026-02-27T10:00:00Z', 'SUCCESS', '1.0.0'),
        deploy(2, '2026-03-05T10:00:00Z', 'SUCCESS', '1.0.0'),
      ],
      changes: [
        change('a', '1.0.0', '2026-02-26T10:00:00Z'),
        change('b', '2.0.0', '2026-03-01T10:00:00Z'),
      ],
    });
    const l = leadTime(h, period);
    expect(l.changes).toEqual([]);
    expect([l.medianHours, l.p90Hours, l.band]).toEqual([
      null,
      null,
      undefined,
    ]);
  });

  it('gives the median and the nearest-rank p90 in hours', () => {
    const h = history({
      deploys: [
        deploy(1, '2026-03-20T00:00:00Z', 'SUCCESS', '1.0.0', { minutes: 0 }),
      ],
      changes: Array.from({ length: 10 }, (_, i) =>
        change(
          `c${i}`,
          '1.0.0',
          `2026-03-${String(19 - i).padStart(2, '0')}T${String(
            24 - (i + 1) * 2 + 0,
          ).padStart(2, '0')}:00:00Z`,
        ),
      ),
    });
    const hours = leadTime(h, period).changes.map(c => c.leadTimeHours);
    // commit i lands (i + 1) * 2 h before a day boundary, i days earlier
    expect(hours.sort((a, b) => a - b)).toEqual([
      2, 28, 54, 80, 106, 132, 158, 184, 210, 236,
    ]);
    const l = leadTime(h, period);
    expect(l.medianHours).toBe(119);
    expect(l.p90Hours).toBe(210);
    expect(l.band).toBe('high');
  });
});
