import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { ClaimStore } from './ClaimStore';
import { createClaimsService } from './ClaimsService';

jest.setTimeout(30_000);

/** Two releases of one chart (aliases in the config repos), as in the stakater world. */
const edge = (release: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: release,
    namespace: 'default',
    annotations: {
      'delivery/code-job': 'code:stakater/edge/master',
      'delivery/image': 'stakater/edge',
      'delivery/chart': 'edge',
      'delivery/release': release,
    },
  },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

describe('claims: aliases of one chart', () => {
  const databases = createTestDatabases();

  async function service(pins: [string, string][]) {
    const knex = await databases.init('SQLITE_3');
    const store = await ClaimStore.create({
      database: mockServices.database({ knex }),
    });
    return createClaimsService({
      catalog: catalogServiceMock({
        entities: [
          edge('edge-public', 'group:default/team-xposer'),
          edge('edge-internal', 'group:default/team-nordmart'),
        ],
      }),
      auth: mockServices.auth(),
      store,
      defaults: { image: 'default', chart: 'default', 'code-job': 'code' },
      pins: new Map(pins),
      logger: mockServices.logger.mock(),
      cacheMs: 0,
    });
  }

  it('are contested (shared image, chart and code job) until an admin pins each release', async () => {
    const claims = await service([]);
    const r = await claims.check(
      edge('edge-public', 'group:default/team-xposer'),
    );
    expect(r.contested).toBe(true);
    expect(r.conflicts.map(c => c.kind).sort()).toEqual([
      'chart',
      'code-job',
      'image',
    ]);
  });

  it('share them once each release is pinned to its own entity', async () => {
    const claims = await service([
      ['edge-public', 'component:default/edge-public'],
      ['edge-internal', 'component:default/edge-internal'],
    ]);
    for (const release of ['edge-public', 'edge-internal']) {
      const r = await claims.check(edge(release, 'group:default/team-xposer'));
      expect(r).toEqual({ contested: false, conflicts: [] });
    }
  });

  it('a third, unpinned entity copying the annotations is still refused', async () => {
    const claims = await service([
      ['edge-public', 'component:default/edge-public'],
      ['edge-internal', 'component:default/edge-internal'],
    ]);
    const r = await claims.check(edge('edge-copy', 'group:default/intruders'));
    expect(r.contested).toBe(true);
    expect(r.conflicts.map(c => c.kind).sort()).toEqual([
      'chart',
      'code-job',
      'image',
    ]);
  });
});
