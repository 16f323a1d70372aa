import { deploymentFrequency } from './deploymentFrequency';
import { periodOf } from './period';
import {
  EARLIER,
  OPTIONS,
  deploy,
  history,
  pin,
} from './__testUtils__/historyRows';

const period = periodOf(OPTIONS);
const runs = (h: ReturnType<typeof history>) =>
  deploymentFrequency(h, period).deploys.map(d => d.run.number);

describe('deploymentFrequency', () => {
  it('does not count a deploy that did not change the version (v-prefix ignored)', () => {
    const h = history({
      deploys: [
        EARLIER,
        deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0'),
        deploy(2, '2026-03-03T10:00:00Z', 'SUCCESS', 'v1.0.0'),
        deploy(3, '2026-03-04T10:00:00Z', 'SUCCESS', '1.0.1'),
      ],
    });
    expect(runs(h)).toEqual([1, 3]);
  });

  it('counts nothing when the version that ran before is unknown (no earlier run, no pin change)', () => {
    expect(
      runs(
        history({
          deploys: [deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0')],
        }),
      ),
    ).toEqual([]);
  });

  it('compares the first known deploy with the pin change it deployed', () => {
    const sameAsBefore = history({
      deploys: [deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0')],
      pinChanges: [
        pin('cfg1'.padEnd(40, '0'), '2026-03-02T09:00:00Z', '1.0.0', '1.0.0'),
      ],
    });
    expect(runs(sameAsBefore)).toEqual([]);
    const changed = history({
      deploys: [deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0')],
      pinChanges: [
        pin('cfg1'.padEnd(40, '0'), '2026-03-02T09:00:00Z', '0.9.0', '1.0.0'),
      ],
    });
    expect(runs(changed)).toEqual([1]);
    expect(
      deploymentFrequency(changed, period).deploys[0].previousVersion,
    ).toBe('0.9.0');
  });

  it('never counts a missing link, a running, unstable or aborted run, nor lets it change the previous version', () => {
    const h = history({
      deploys: [
        EARLIER,
        deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0'),
        deploy(2, '2026-03-03T10:00:00Z', 'SUCCESS', undefined),
        deploy(3, '2026-03-04T10:00:00Z', 'UNSTABLE', '2.0.0'),
        deploy(4, '2026-03-05T10:00:00Z', 'ABORTED', '3.0.0'),
        deploy(5, '2026-03-06T10:00:00Z', null, '4.0.0'),
        deploy(6, '2026-03-07T10:00:00Z', 'SUCCESS', '1.0.0'),
        deploy(7, '2026-03-08T10:00:00Z', 'FAILURE', '5.0.0'),
        deploy(8, '2026-03-09T10:00:00Z', 'SUCCESS', '1.0.0'),
      ],
    });
    expect(runs(h)).toEqual([1]);
  });

  it('counts a deploy by when it ended: both ends of the period included', () => {
    const h = history({
      deploys: [
        EARLIER,
        deploy(1, '2026-02-28T23:50:00Z', 'SUCCESS', '1.0.0', { minutes: 10 }),
        deploy(2, '2026-03-30T23:50:00Z', 'SUCCESS', '1.0.1', { minutes: 10 }),
        deploy(3, '2026-03-30T23:55:00Z', 'SUCCESS', '1.0.2', { minutes: 10 }),
        deploy(4, '2026-02-28T23:49:00Z', 'SUCCESS', '0.9.0', {
          environment: 'staging',
        }),
      ],
    });
    const f = deploymentFrequency(h, period);
    expect(f.deploys.map(d => d.run.number)).toEqual([1, 2]);
    expect(f.trend[0]).toEqual({ date: '2026-03-01', value: 1 });
    expect(f.trend.at(-1)).toEqual({ date: '2026-03-31', value: 1 });
  });

  it('reports the band from deploys per day', () => {
    const daily = Array.from({ length: 40 }, (_, i) =>
      deploy(
        i + 1,
        `2026-03-${String((i % 28) + 1).padStart(2, '0')}T${String(
          10 + Math.floor(i / 28),
        ).padStart(2, '0')}:00:00Z`,
        'SUCCESS',
        `1.0.${i}`,
      ),
    );
    const f = deploymentFrequency(
      history({ deploys: [EARLIER, ...daily] }),
      period,
    );
    expect(f.count).toBe(40);
    expect(f.band).toBe('elite');
    const none = deploymentFrequency(
      history({
        deploys: [deploy(1, '2026-01-02T10:00:00Z', 'SUCCESS', '1.0.0')],
      }),
      period,
    );
    expect(none.count).toBe(0);
    expect(none.band).toBe('low');
  });
});

describe('deploymentFrequency trend before history', () => {
  it('is null on the days before the oldest recorded event, 0 after it', () => {
    const f = deploymentFrequency(
      history({
        historySince: '2026-03-20T08:00:00Z',
        deploys: [deploy(1, '2026-03-25T10:00:00Z', 'SUCCESS', '1.0.0')],
      }),
      periodOf(OPTIONS),
    );
    expect(f.trend.find(p => p.date === '2026-03-19')?.value).toBeNull();
    expect(f.trend.find(p => p.date === '2026-03-20')?.value).toBe(0);
  });
});
