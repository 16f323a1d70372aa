import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DeliveryConfig } from '../configTypes';
import { history } from '../services/history/dora/__testUtils__/historyRows';
import { generatedSnapshots } from '../services/history/overview/__testUtils__/generatedSnapshots';
import { MemoryHistoryReader } from '../services/history/overview/__testUtils__/memoryHistoryReader';
import { createReadGuard } from './guards';
import { createHistoryRouter } from './historyRoutes';

jest.setTimeout(60_000);

const GUEST = 'user:default/guest';
const OUTSIDER = 'user:default/outsider';
const ENVIRONMENTS = ['dev', 'prod'];

/** Catalog entities: two of team-a, one of team-b; `svc-gone` is recorded but no longer in the catalog. */
const owned = { 'svc-a1': 'team-a', 'svc-a2': 'team-a', 'svc-b1': 'team-b' };
const snapshots = generatedSnapshots({
  services: 4,
  environments: ENVIRONMENTS,
}).map((s, i) => {
  const name = [...Object.keys(owned), 'svc-gone'][i];
  return {
    ...s,
    entityRef: `component:default/${name}`,
    title: name,
    owner: `group:default/${(owned as Record<string, string>)[name] ?? 'x'}`,
  };
});

/**
 * The catalog's read permission as a policy decides it: the outsider may
 * read only what team-b owns (a conditional decision the catalog turns into
 * a query), everyone else everything.
 */
const permissions = mockServices.permissions.mock({
  authorize: async requests =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests, options) =>
    requests.map((): PolicyDecision => {
      const user = (options.credentials.principal as { userEntityRef?: string })
        .userEntityRef;
      if (user !== OUTSIDER) return { result: AuthorizeResult.ALLOW };
      return {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          resourceType: 'catalog-entity',
          params: { claims: ['group:default/team-b'] },
        },
      };
    }),
});

describe('history routes against a real catalog and its read permission', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const reader = new MemoryHistoryReader([history()], snapshots);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-history-'));
    fs.writeFileSync(
      path.join(dir, 'entities.yaml'),
      Object.entries(owned)
        .map(([name, team]) =>
          JSON.stringify({
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name },
            spec: {
              type: 'service',
              owner: `group:default/${team}`,
              lifecycle: 'production',
            },
          }),
        )
        .join('\n---\n'),
    );
    const historyTestPlugin = createBackendPlugin({
      pluginId: 'delivery',
      register(env) {
        env.registerInit({
          deps: {
            httpRouter: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
            logger: coreServices.logger,
            catalog: catalogServiceRef,
          },
          async init({ httpRouter, httpAuth, logger, catalog }) {
            httpRouter.use(
              await createHistoryRouter({
                logger,
                httpAuth,
                catalog,
                config: {
                  environments: ENVIRONMENTS.map(name => ({ name })),
                  history: {
                    productionEnvironment: 'prod',
                    changeFailureWindowHours: 24,
                  },
                } as unknown as Pick<
                  DeliveryConfig,
                  'environments' | 'history'
                >,
                readEntity: createReadGuard({ httpAuth, catalog }),
                history: reader,
              }),
            );
          },
        });
      },
    });
    ({ server } = await startTestBackend({
      features: [
        historyTestPlugin,
        catalogPlugin,
        permissions.factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                { type: 'file', target: path.join(dir, 'entities.yaml') },
              ],
            },
          },
        }),
      ],
    }));
    const end = Date.now() + 30_000;
    for (;;) {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/svc-b1')
        .set('Authorization', mockCredentials.user.header(GUEST));
      if (res.status === 200) break;
      if (Date.now() > end) throw new Error('catalog did not load');
      await new Promise(r => setTimeout(r, 250));
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const rows = async (user: string) => {
    const res = await request(server)
      .get('/api/delivery/overview')
      .set('Authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body as {
      total: number;
      rows: { entityRef: string }[];
      owners: string[];
    };
  };

  it('shows each caller only the entities the catalog lets them read', async () => {
    const guest = await rows(GUEST);
    expect(guest.rows.map(r => r.entityRef)).toEqual([
      'component:default/svc-a1',
      'component:default/svc-a2',
      'component:default/svc-b1',
    ]);
    const outsider = await rows(OUTSIDER);
    expect(outsider.rows.map(r => r.entityRef)).toEqual([
      'component:default/svc-b1',
    ]);
    expect(outsider.total).toBe(1);
    expect(outsider.owners).toEqual(['group:default/team-b']);
  });

  it('answers 404 for the performance of an entity the caller cannot read, without reading its history', async () => {
    const before = reader.calls.entityHistory;
    const hidden = await request(server)
      .get('/api/delivery/entities/default/component/svc-a1/performance')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(hidden.status).toBe(404);
    expect(reader.calls.entityHistory).toBe(before);
    const visible = await request(server)
      .get('/api/delivery/entities/default/component/svc-b1/performance')
      .set('Authorization', mockCredentials.user.header(OUTSIDER));
    expect(visible.status).toBe(200);
    expect(reader.calls.entityHistory).toBe(before + 1);
  });
});
