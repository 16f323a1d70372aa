import { computePerformance } from './computePerformance';
import {
  OPTIONS,
  change,
  deploy,
  history,
  observation,
  pin,
} from './__testUtils__/historyRows';

/**
 * One month of production history (period 2026-03-01 .. 2026-03-31), worked
 * out by hand:
 *  #1 SUCCESS 1.0.0 (before the period: context only)
 *  #2 SUCCESS 1.1.0 new            -> frequency, CFR ok
 *  #3 SUCCESS 1.1.0 same version   -> not counted
 *  #4 FAILURE 1.2.0 new            -> CFR deploy-failed; incident 1 opens
 *  #5 SUCCESS 1.2.0 new (vs 1.1.0) -> frequency; restores incident 1 (2 h);
 *                                     pinned back to 1.1.0 9 h later -> CFR rolled-back
 *  #6 SUCCESS 1.1.0 new (vs 1.2.0) -> frequency, CFR ok
 *  #7 SUCCESS 1.3.0 new            -> frequency; drifted 5 h later -> CFR status-after-deploy;
 *                                     incident 2 (3 h)
 *  #8 SUCCESS without a version    -> a missing link: neither
 *  #9 FAILURE 1.4.0 new            -> CFR deploy-failed; incident 3 still open
 */
const h = history({
  deploys: [
    deploy(1, '2026-02-20T10:00:00Z', 'SUCCESS', '1.0.0'),
    deploy(2, '2026-03-05T10:00:00Z', 'SUCCESS', 'v1.1.0'),
    deploy(3, '2026-03-06T10:00:00Z', 'SUCCESS', '1.1.0'),
    deploy(4, '2026-03-10T09:00:00Z', 'FAILURE', '1.2.0'),
    deploy(5, '2026-03-10T11:00:00Z', 'SUCCESS', '1.2.0'),
    deploy(6, '2026-03-10T21:00:00Z', 'SUCCESS', '1.1.0'),
    deploy(7, '2026-03-20T10:00:00Z', 'SUCCESS', '1.3.0'),
    deploy(8, '2026-03-25T10:00:00Z', 'SUCCESS', undefined),
    deploy(9, '2026-03-28T10:00:00Z', 'FAILURE', '1.4.0'),
    // another environment never counts
    deploy(10, '2026-03-12T10:00:00Z', 'FAILURE', '1.9.0', {
      environment: 'staging',
    }),
  ],
  pinChanges: [
    {
      ...pin('cfg5'.padEnd(40, '0'), '2026-03-10T08:00:00Z', '1.1.0', '1.2.0'),
      configUrl: 'https://github.example/gitops/config-prod/commit/cfg5',
      pullRequest: {
        number: 42,
        url: 'https://github.example/pr/42',
        mergedBy: 'alice',
      },
    },
    pin('rollback'.padEnd(40, '0'), '2026-03-10T20:00:00Z', '1.2.0', '1.1.0'),
  ],
  observations: [
    observation('2026-03-20T10:08:00Z', 'in-sync', '1.3.0'),
    observation('2026-03-20T15:10:00Z', 'drifted', '1.2.0'),
    observation('2026-03-20T18:10:00Z', 'in-sync', '1.3.0'),
    observation('2026-03-21T10:00:00Z', 'drifted', '1.0.0', 'staging'),
  ],
  changes: [
    change('c0', '1.0.0', '2026-02-19T10:10:00Z'),
    change('c1', '1.1.0', '2026-03-04T10:10:00Z'),
    change('c2', 'v1.1.0', '2026-03-05T08:10:00Z'),
    change('c3', '1.2.0', '2026-03-09T11:10:00Z'),
    change('c4', '1.3.0', '2026-03-18T10:08:00Z'),
    change('c5', '1.3.0', '2026-03-20T04:08:00Z'),
    change('c6', '1.4.0', '2026-03-27T10:00:00Z'),
    change('c7', '1.2.0', '2026-03-11T00:00:00Z'), // after 1.2.0 ran: inconsistent
  ],
  historySince: '2026-02-19T10:10:00Z',
  collectedAt: '2026-03-30T23:55:00Z',
});

describe('computePerformance', () => {
  const p = computePerformance(h, OPTIONS);

  it('names the entity, environment and period', () => {
    expect(p.entityRef).toBe('component:default/svc');
    expect(p.environment).toBe('prod');
    expect(p.period).toEqual({
      days: 30,
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T00:00:00.000Z',
    });
    expect(p.historySince).toBe('2026-02-19T10:10:00Z');
    expect(p.collectedAt).toBe('2026-03-30T23:55:00Z');
  });

  it('counts the successful production deploys that changed the version', () => {
    const f = p.deploymentFrequency;
    expect(f.deploys.map(d => d.run.number)).toEqual([2, 5, 6, 7]);
    expect(f.count).toBe(4);
    expect(f.perDay).toBeCloseTo(4 / 30, 10);
    expect(f.perWeek).toBeCloseTo(4 / (30 / 7), 10);
    expect(f.band).toBe('medium'); // 0.93 a week: weekly to monthly
    expect(f.deploys.map(d => [d.version, d.previousVersion])).toEqual([
      ['v1.1.0', '1.0.0'],
      ['1.2.0', '1.1.0'],
      ['1.1.0', '1.2.0'],
      ['1.3.0', '1.1.0'],
    ]);
    expect(f.deploys[1].configCommit).toEqual({
      sha: 'cfg5'.padEnd(40, '0'),
      url: 'https://github.example/gitops/config-prod/commit/cfg5',
      pullRequest: {
        number: 42,
        url: 'https://github.example/pr/42',
        mergedBy: 'alice',
      },
    });
    expect(f.trend).toHaveLength(31);
    expect(f.trend.filter(t => t.value).map(t => [t.date, t.value])).toEqual([
      ['2026-03-05', 1],
      ['2026-03-10', 2],
      ['2026-03-20', 1],
    ]);
  });

  it('measures lead time from each commit to its version first running in production', () => {
    const l = p.leadTime;
    expect(
      l.changes.map(c => [
        c.shortSha,
        c.version,
        c.runningVia,
        c.leadTimeHours,
      ]),
    ).toEqual([
      ['c1aaaaa', '1.1.0', 'deployRun', 24],
      ['c2aaaaa', 'v1.1.0', 'deployRun', 2],
      ['c3aaaaa', '1.2.0', 'deployRun', 24],
      ['c4aaaaa', '1.3.0', 'cluster', 48],
      ['c5aaaaa', '1.3.0', 'cluster', 6],
    ]);
    expect(l.changes[0].runningAt).toBe('2026-03-05T10:10:00.000Z');
    expect(l.changes[3].runningAt).toBe('2026-03-20T10:08:00Z');
    expect(l.medianHours).toBe(24);
    expect(l.p90Hours).toBe(48);
    expect(l.band).toBe('high');
    expect(l.trend.map(t => [t.date, t.value])).toEqual([
      ['2026-02-23', null],
      ['2026-03-02', 13],
      ['2026-03-09', 24],
      ['2026-03-16', 27],
      ['2026-03-23', null],
      ['2026-03-30', null],
    ]);
  });

  it('counts failed, rolled back and drifted deploys of new versions', () => {
    const c = p.changeFailureRate;
    expect(c.deploys.map(d => [d.run.number, d.failure?.kind])).toEqual([
      [2, undefined],
      [4, 'deploy-failed'],
      [5, 'rolled-back'],
      [6, undefined],
      [7, 'status-after-deploy'],
      [9, 'deploy-failed'],
    ]);
    expect(c.deploys[2].failure?.detail).toBe(
      'pinned back to 1.1.0 at 2026-03-10T20:00:00Z (rollbac), 8.83 h after the run ended',
    );
    expect(c.deploys[4].failure?.detail).toBe(
      'observed drifted at 2026-03-20T15:10:00Z (running 1.2.0)',
    );
    expect(c.failed).toBe(4);
    expect(c.total).toBe(6);
    expect(c.rate).toBeCloseTo(4 / 6, 10);
    expect(c.band).toBe('low');
    expect(c.trend.map(t => [t.date, t.value])).toEqual([
      ['2026-02-23', null],
      ['2026-03-02', 0],
      ['2026-03-09', 2 / 3],
      ['2026-03-16', 1],
      ['2026-03-23', 1],
      ['2026-03-30', null],
    ]);
  });

  it('measures time to restore and lists the open incident', () => {
    const t = p.timeToRestore;
    expect(t.incidents).toEqual([
      {
        environment: 'prod',
        status: 'deploy-failed',
        startedAt: '2026-03-10T09:10:00.000Z',
        restoredAt: '2026-03-10T11:10:00.000Z',
        restoreHours: 2,
        detail: 'deploy run #4 failed; restored: deploy run #5 succeeded',
      },
      {
        environment: 'prod',
        status: 'drifted',
        startedAt: '2026-03-20T15:10:00Z',
        restoredAt: '2026-03-20T18:10:00Z',
        restoreHours: 3,
        detail:
          'observed drifted (running 1.2.0); restored: observed in-sync (running 1.3.0)',
      },
      {
        environment: 'prod',
        status: 'deploy-failed',
        startedAt: '2026-03-28T10:10:00.000Z',
        detail: 'deploy run #9 failed',
      },
    ]);
    expect(t.medianHours).toBe(2.5);
    expect(t.band).toBe('high');
    expect(t.trend.filter(x => x.value !== null)).toEqual([
      { date: '2026-03-09', value: 2 },
      { date: '2026-03-16', value: 3 },
    ]);
  });

  it('rejects bad options with a clear error', () => {
    expect(() => computePerformance(h, { ...OPTIONS, days: 0 })).toThrow(
      'days must be a positive integer, got 0',
    );
    expect(() =>
      computePerformance(h, { ...OPTIONS, failureWindowHours: -1 }),
    ).toThrow('failureWindowHours must be positive, got -1');
    expect(() =>
      computePerformance(
        history({ deploys: [deploy(1, 'yesterday', 'SUCCESS', '1.0.0')] }),
        OPTIONS,
      ),
    ).toThrow();
  });
});

describe('computePerformance without history', () => {
  it('has no figures (null, not 0) and no bands', () => {
    const p = computePerformance(history(), OPTIONS);
    expect(p.deploymentFrequency).toMatchObject({
      count: 0,
      perDay: 0,
      perWeek: 0,
      band: undefined,
      deploys: [],
    });
    expect(p.deploymentFrequency.trend.every(t => t.value === 0)).toBe(true);
    expect(p.leadTime).toMatchObject({
      medianHours: null,
      p90Hours: null,
      band: undefined,
      changes: [],
    });
    expect(p.leadTime.trend.every(t => t.value === null)).toBe(true);
    expect(p.changeFailureRate).toMatchObject({
      rate: null,
      failed: 0,
      total: 0,
      band: undefined,
      deploys: [],
    });
    expect(p.timeToRestore).toMatchObject({
      medianHours: null,
      band: undefined,
      incidents: [],
    });
  });
});
