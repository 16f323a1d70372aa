import { periodOf } from './period';
import { timeToRestore } from './timeToRestore';
import {
  OPTIONS,
  deploy,
  history,
  observation,
} from './__testUtils__/historyRows';

const period = periodOf(OPTIONS);

describe('timeToRestore', () => {
  it('makes one incident of failures that follow one another until a restore', () => {
    const t = timeToRestore(
      history({
        deploys: [
          deploy(1, '2026-03-05T10:00:00Z', 'FAILURE', '1.0.0'), // 10:10
          deploy(2, '2026-03-05T11:00:00Z', 'FAILURE', '1.0.0'),
          deploy(3, '2026-03-05T12:00:00Z', 'ABORTED', '1.0.0'),
          deploy(4, '2026-03-05T20:00:00Z', 'SUCCESS', '1.0.0'), // 20:10
        ],
        observations: [observation('2026-03-05T10:30:00Z', 'drifted')],
      }),
      period,
    );
    expect(t.incidents.map(i => [i.status, i.restoreHours])).toEqual([
      ['deploy-failed', 10],
    ]);
    expect(t.medianHours).toBe(10);
    expect(t.band).toBe('high');
  });

  it('lists incidents restored in the period and open ones, not those restored before it', () => {
    const t = timeToRestore(
      history({
        observations: [
          observation('2026-02-20T10:00:00Z', 'drifted'),
          observation('2026-02-20T10:30:00Z', 'in-sync'),
          observation('2026-02-28T22:00:00Z', 'deploy-failed'),
          observation('2026-03-01T02:00:00Z', 'in-sync'),
          observation('2026-03-30T00:00:00Z', 'drifted'),
          observation('2026-03-30T00:00:00Z', 'drifted', undefined, 'staging'),
        ],
      }),
      period,
    );
    expect(t.incidents).toEqual([
      {
        environment: 'prod',
        status: 'deploy-failed',
        startedAt: '2026-02-28T22:00:00Z',
        restoredAt: '2026-03-01T02:00:00Z',
        restoreHours: 4,
        detail: 'observed deploy-failed; restored: observed in-sync',
      },
      {
        environment: 'prod',
        status: 'drifted',
        startedAt: '2026-03-30T00:00:00Z',
        detail: 'observed drifted',
      },
    ]);
    expect(t.medianHours).toBe(4);
    expect(t.band).toBe('high');
  });

  it('restores at once (0 h, elite) a failure and a restore at the same instant', () => {
    const t = timeToRestore(
      history({
        observations: [
          observation('2026-03-10T10:00:00Z', 'in-sync'),
          observation('2026-03-10T10:00:00Z', 'drifted'),
        ],
      }),
      period,
    );
    expect(t.incidents.map(i => i.restoreHours)).toEqual([0]);
    expect(t.band).toBe('elite');
  });

  it('has no median with only an open incident', () => {
    const t = timeToRestore(
      history({
        deploys: [deploy(1, '2026-03-10T10:00:00Z', 'FAILURE', undefined)],
      }),
      period,
    );
    expect(t.incidents).toHaveLength(1);
    expect(t.incidents[0].restoredAt).toBeUndefined();
    expect(t.medianHours).toBeNull();
    expect(t.band).toBeUndefined();
  });
});
