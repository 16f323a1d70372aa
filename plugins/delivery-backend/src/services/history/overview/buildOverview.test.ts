import { buildOverview } from './buildOverview';
import { generatedSnapshots } from './__testUtils__/generatedSnapshots';

const ENVS = ['dev', 'prod'];

describe('buildOverview', () => {
  it('orders rows by title regardless of case, then by ref', () => {
    const [a, b, c] = generatedSnapshots({ services: 3, environments: ENVS });
    const o = buildOverview(
      [
        { ...a, title: 'beta' },
        { ...b, title: 'Alpha', entityRef: 'component:default/z' },
        { ...c, title: 'alpha', entityRef: 'component:default/a' },
      ],
      {},
      ENVS,
    );
    expect(o.rows.map(r => r.entityRef)).toEqual([
      'component:default/a',
      'component:default/z',
      a.entityRef,
    ]);
  });

  it('pages 50 rows by default and counts statuses per row, not per environment', () => {
    const rows = generatedSnapshots({ services: 120, environments: ENVS });
    const o = buildOverview(rows, { status: ['in-sync'] }, ENVS);
    expect(o.rows).toHaveLength(50);
    expect(o.total).toBe(
      rows.filter(r => r.environments.some(e => e.status === 'in-sync')).length,
    );
    expect(o.statusCounts['in-sync']).toBe(o.total);
    expect(o.owners).toHaveLength(50);
  });

  it('has no rows, counts or snapshot time for nothing recorded', () => {
    expect(buildOverview([], { notInSync: true }, ENVS)).toEqual({
      environments: ENVS,
      rows: [],
      total: 0,
      owners: [],
      systems: [],
      statusCounts: {},
    });
  });
});
