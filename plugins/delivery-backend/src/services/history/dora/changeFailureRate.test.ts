import { changeFailureRate } from './changeFailureRate';
import { periodOf } from './period';
import {
  EARLIER,
  OPTIONS,
  deploy,
  history,
  observation,
  pin,
} from './__testUtils__/historyRows';

const period = periodOf(OPTIONS);
const kinds = (h: ReturnType<typeof history>) =>
  changeFailureRate(h, period).deploys.map(d => [
    d.run.number,
    d.failure?.kind,
  ]);

const base = [
  EARLIER,
  deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0'),
  deploy(2, '2026-03-05T10:00:00Z', 'SUCCESS', '1.1.0'), // ends 10:10
];

describe('changeFailureRate', () => {
  it('counts a rollback within the window, not one outside it', () => {
    const within = history({
      deploys: base,
      pinChanges: [
        pin('r'.repeat(40), '2026-03-06T10:10:00Z', '1.1.0', 'v1.0.0'),
      ],
    });
    expect(kinds(within)).toEqual([
      [1, undefined],
      [2, 'rolled-back'],
    ]);
    const outside = history({
      deploys: base,
      pinChanges: [
        pin('r'.repeat(40), '2026-03-06T10:11:00Z', '1.1.0', '1.0.0'),
      ],
    });
    expect(kinds(outside)).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    expect(changeFailureRate(outside, period).rate).toBe(0);
    expect(changeFailureRate(outside, period).band).toBe('elite');
  });

  it('does not take a pin to a newer or non-semver version for a rollback', () => {
    const h = history({
      deploys: base,
      pinChanges: [
        pin('a'.repeat(40), '2026-03-05T12:00:00Z', '1.1.0', '1.2.0'),
        pin('b'.repeat(40), '2026-03-05T13:00:00Z', '1.2.0', 'latest-fix'),
        pin(
          'c'.repeat(40),
          '2026-03-05T14:00:00Z',
          '1.0.0',
          '1.0.0',
          'staging',
        ),
      ],
    });
    expect(kinds(h)).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
  });

  it('counts a drifted or deploy-failed status within the window, before the next run started', () => {
    const drifted = history({
      deploys: base,
      observations: [observation('2026-03-06T10:10:00Z', 'drifted', '1.0.0')],
    });
    expect(kinds(drifted)[1]).toEqual([2, 'status-after-deploy']);
    const late = history({
      deploys: base,
      observations: [observation('2026-03-06T10:10:01Z', 'deploy-failed')],
    });
    expect(kinds(late)[1]).toEqual([2, undefined]);
    const afterNextRun = history({
      deploys: [...base, deploy(3, '2026-03-05T11:00:00Z', 'SUCCESS', '1.1.0')],
      observations: [observation('2026-03-05T12:00:00Z', 'drifted')],
    });
    expect(kinds(afterNextRun)).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    const otherStatus = history({
      deploys: base,
      observations: [observation('2026-03-05T12:00:00Z', 'pending-deploy')],
    });
    expect(kinds(otherStatus)[1]).toEqual([2, undefined]);
  });

  it('counts failed runs of a new version, not failed re-deploys of the running one', () => {
    const h = history({
      deploys: [
        ...base,
        deploy(3, '2026-03-06T10:00:00Z', 'FAILURE', '1.1.0'),
        deploy(4, '2026-03-07T10:00:00Z', 'FAILURE', '1.2.0'),
        deploy(5, '2026-03-07T11:00:00Z', 'FAILURE', '1.2.0'),
      ],
    });
    const c = changeFailureRate(h, period);
    expect(kinds(h)).toEqual([
      [1, undefined],
      [2, undefined],
      [4, 'deploy-failed'],
      [5, 'deploy-failed'],
    ]);
    expect(c.deploys[2].failure?.detail).toBe('deploy run #4 FAILURE');
    expect([c.failed, c.total, c.rate]).toEqual([2, 4, 0.5]);
  });

  it('is null without any deploy of a new version in the period', () => {
    const c = changeFailureRate(
      history({
        deploys: [deploy(1, '2026-01-02T10:00:00Z', 'FAILURE', '1.0.0')],
      }),
      period,
    );
    expect(c).toMatchObject({ rate: null, failed: 0, total: 0, deploys: [] });
    expect(c.band).toBeUndefined();
  });
});
