import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { observations, recordDeploy, sinceCursor } from './viewRecords';

const run = (number: number, building = false) => ({ number, building });

describe('sinceCursor', () => {
  it('takes every run on the first read and moves to the newest', () => {
    expect(sinceCursor([run(3), run(2), run(1)], undefined)).toEqual({
      fresh: [run(3), run(2), run(1)],
      next: 3,
    });
  });

  it('takes only runs above the cursor', () => {
    expect(sinceCursor([run(5), run(4), run(3)], 3)).toEqual({
      fresh: [run(5), run(4)],
      next: 5,
    });
  });

  it('stays below a run still building, so its result is read again', () => {
    expect(sinceCursor([run(6), run(5, true), run(4)], 3)).toEqual({
      fresh: [run(6), run(5, true), run(4)],
      next: 4,
    });
  });

  it('keeps its place when Jenkins answers no runs (discarded or none yet)', () => {
    expect(sinceCursor([], 7)).toEqual({ fresh: [], next: 7 });
  });
});

describe('recordDeploy', () => {
  it('records the end of a finished run and none while it builds', () => {
    const d = {
      environment: 'prod',
      number: 4,
      url: 'http://jenkins/job/deploy/4/',
      result: 'SUCCESS' as const,
      building: false,
      startedAt: '2026-11-01T10:00:00.000Z',
      durationMs: 90_000,
      configCommit: { sha: 'c'.repeat(40), shortSha: 'ccccccc' },
      version: 'v1.2.3',
    };
    expect(recordDeploy('component:default/x', d)).toEqual({
      entityRef: 'component:default/x',
      environment: 'prod',
      number: 4,
      url: d.url,
      configSha: d.configCommit.sha,
      version: 'v1.2.3',
      result: 'SUCCESS',
      startedAt: d.startedAt,
      finishedAt: '2026-11-01T10:01:30.000Z',
    });
    expect(
      recordDeploy('component:default/x', {
        ...d,
        building: true,
        result: null,
      }),
    ).not.toHaveProperty('finishedAt');
  });
});

describe('observations', () => {
  it('observes every environment whose status is known', () => {
    const view = {
      entityRef: 'component:default/x',
      environments: [
        {
          name: 'dev',
          status: 'drifted',
          pinnedVersion: '1',
          runningVersion: '2',
        },
        { name: 'prod', status: 'unknown' },
      ],
    } as unknown as DeliveryView;
    expect(observations(view, '2026-11-01T00:00:00.000Z')).toEqual([
      {
        entityRef: 'component:default/x',
        environment: 'dev',
        observedAt: '2026-11-01T00:00:00.000Z',
        status: 'drifted',
        pinnedVersion: '1',
        runningVersion: '2',
      },
    ]);
  });
});
