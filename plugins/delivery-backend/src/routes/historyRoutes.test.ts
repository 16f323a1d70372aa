import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import request from 'supertest';
import type { DeliveryConfig } from '../configTypes';
import { openApiValidator } from '../__testUtils__/openapi';
import {
  change,
  deploy,
  history,
} from '../services/history/dora/__testUtils__/historyRows';
import { generatedSnapshots } from '../services/history/overview/__testUtils__/generatedSnapshots';
import { MemoryHistoryReader } from '../services/history/overview/__testUtils__/memoryHistoryReader';
import type { HistoryReader } from '../services/history/types';
import { createReadGuard } from './guards';
import { createHistoryRouter } from './historyRoutes';

const NOW = new Date('2026-03-31T00:00:00Z');
const USER = mockCredentials.user.header('user:default/guest');
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/team-0',
    lifecycle: 'production',
  },
});

const config = {
  environments: ENVIRONMENTS.map(name => ({ name })),
  history: {
    enabled: true,
    intervalMinutes: 5,
    backfillDays: 180,
    retentionDays: 400,
    productionEnvironment: 'prod',
    changeFailureWindowHours: 24,
    promotionOpenAlertHours: 24,
  },
} as unknown as Pick<DeliveryConfig, 'environments' | 'history'>;

const svcHistory = history({
  deploys: [
    deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0'),
    deploy(2, '2026-03-03T10:00:00Z', 'SUCCESS', '1.1.0'),
    deploy(5, '2026-01-03T09:00:00Z', 'SUCCESS', '1.0.0', {
      environment: 'staging',
    }),
    deploy(3, '2026-03-03T09:00:00Z', 'SUCCESS', '1.1.0', {
      environment: 'staging',
    }),
    deploy(4, '2026-01-10T09:00:00Z', 'SUCCESS', '0.9.0'),
  ],
  changes: [change('a', '1.1.0', '2026-03-03T04:10:00Z')],
  historySince: '2025-12-01T00:00:00Z',
});

/** 30 snapshots (service-0001 .. service-0030) plus one the catalog does not hold. */
const snapshots = [
  ...generatedSnapshots({ services: 30, environments: ENVIRONMENTS, teams: 3 }),
  ...generatedSnapshots({ services: 31, environments: ENVIRONMENTS }).slice(30),
];
const catalogEntities = [
  component('svc'),
  ...snapshots.slice(0, 30).map(s => component(s.entityRef.split('/')[1])),
];

async function app(reader: HistoryReader | undefined) {
  const catalog = catalogServiceMock({ entities: catalogEntities });
  const httpAuth = mockServices.httpAuth({
    defaultCredentials: mockCredentials.none(),
  });
  const router = await createHistoryRouter({
    logger: mockServices.logger.mock(),
    httpAuth,
    catalog,
    config,
    readEntity: createReadGuard({ httpAuth, catalog }),
    history: reader,
    now: () => NOW,
  });
  return express()
    .use(router)
    .use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.rootLogger(),
      }).error(),
    );
}

const validate = openApiValidator();
const PERF = '/entities/default/component/svc/performance';

describe('GET /entities/:namespace/:kind/:name/performance', () => {
  it('200: the figures of the production environment over 30 days, matching the OpenAPI schema', async () => {
    const reader = new MemoryHistoryReader([svcHistory], []);
    const res = await request(await app(reader))
      .get(PERF)
      .set('Authorization', USER);
    expect(res.status).toBe(200);
    expect(validate('DeliveryPerformance', res.body)).toBeNull();
    expect(res.body).toMatchObject({
      entityRef: 'component:default/svc',
      environment: 'prod',
      period: { days: 30, to: '2026-03-31T00:00:00.000Z' },
      historySince: '2025-12-01T00:00:00Z',
      deploymentFrequency: { count: 2 },
      leadTime: { medianHours: 6, p90Hours: 6 },
    });
    // the version that ran before the period (0.9.0) is read for context: 90 days before it (120 in all)
    expect(res.body.deploymentFrequency.deploys[0].previousVersion).toBe(
      '0.9.0',
    );
    expect(reader.sinceAsked).toEqual([new Date('2025-12-01T00:00:00Z')]);
    expect(res.headers['server-timing']).toMatch(
      /^history;dur=[\d.]+, dora;dur=[\d.]+$/,
    );
  });

  it('200 for another environment and period', async () => {
    const reader = new MemoryHistoryReader([svcHistory], []);
    const res = await request(await app(reader))
      .get(`${PERF}?days=90&environment=staging`)
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(validate('DeliveryPerformance', res.body)).toBeNull();
    expect(res.body.environment).toBe('staging');
    expect(res.body.period.days).toBe(90);
    expect(res.body.deploymentFrequency.deploys).toEqual([
      expect.objectContaining({ run: expect.objectContaining({ number: 3 }) }),
    ]);
  });

  it.each([
    ['?days=31', 'Invalid query: days: must be 30, 90 or 180'],
    ['?days=30&days=90', 'Invalid query: days'],
    [
      '?environment=qa',
      'Invalid query: environment: "qa" is not one of dev, staging, prod',
    ],
    ['?since=2020-01-01', 'Invalid query'],
  ])('400 for %s', async (qs, message) => {
    const reader = new MemoryHistoryReader([svcHistory], []);
    const res = await request(await app(reader))
      .get(`${PERF}${qs}`)
      .set('Authorization', USER);
    expect(res.status).toBe(400);
    expect(validate('Error', res.body)).toBeNull();
    expect(res.body.error.message).toContain(message);
    expect(reader.calls.entityHistory).toBe(0);
  });

  it('401 without credentials, 404 for an unknown entity, without reading history', async () => {
    const reader = new MemoryHistoryReader([svcHistory], []);
    const server = await app(reader);
    const none = await request(server)
      .get(PERF)
      .set('Authorization', mockCredentials.none.header());
    expect(none.status).toBe(401);
    const unknown = await request(server)
      .get('/entities/default/component/nope/performance')
      .set('Authorization', USER);
    expect(unknown.status).toBe(404);
    expect(validate('Error', unknown.body)).toBeNull();
    expect(reader.calls.entityHistory).toBe(0);
  });

  it('404 when history is not enabled', async () => {
    const res = await request(await app(undefined))
      .get(PERF)
      .set('Authorization', USER);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Delivery history is not enabled');
  });
});

describe('GET /overview', () => {
  const get = async (
    qs = '',
    reader = new MemoryHistoryReader([], snapshots),
  ) =>
    request(await app(reader))
      .get(`/overview${qs}`)
      .set('Authorization', USER);

  it('200: every readable row, matching the OpenAPI schema; an entity not in the catalog is left out', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(validate('DeliveryOverview', res.body)).toBeNull();
    expect(res.body.environments).toEqual(ENVIRONMENTS);
    expect(res.body.total).toBe(30);
    expect(res.body.rows).toHaveLength(30);
    expect(
      res.body.rows.map((r: { entityRef: string }) => r.entityRef),
    ).not.toContain('component:default/service-0031');
    expect(res.body.owners).toEqual([
      'group:default/team-0',
      'group:default/team-1',
      'group:default/team-2',
    ]);
    expect(res.body.systems).toHaveLength(30);
    const expectedCounts: Record<string, number> = {};
    for (const s of snapshots.slice(0, 30)) {
      for (const status of new Set(s.environments.map(e => e.status))) {
        expectedCounts[status] = (expectedCounts[status] ?? 0) + 1;
      }
    }
    expect(res.body.statusCounts).toEqual(expectedCounts);
    expect(res.headers['server-timing']).toMatch(
      /^snapshots;dur=[\d.]+, catalog;dur=[\d.]+, build;dur=[\d.]+$/,
    );
  });

  it('filters by owner, system, status, not in sync and search, then pages', async () => {
    const readable = snapshots.slice(0, 30);
    const refs = (body: { rows: { entityRef: string }[] }) =>
      body.rows.map(r => r.entityRef);
    const byOwner = await get('?owner=group:default/team-1');
    expect(refs(byOwner.body)).toEqual(
      readable
        .filter(s => s.owner === 'group:default/team-1')
        .map(s => s.entityRef),
    );
    const bySystem = await get('?system=system:default/system-7');
    expect(refs(bySystem.body)).toEqual(['component:default/service-0008']);
    const drifted = await get('?status=drifted&status=deploy-failed');
    expect(drifted.body.total).toBe(
      readable.filter(s =>
        s.environments.some(
          e => e.status === 'drifted' || e.status === 'deploy-failed',
        ),
      ).length,
    );
    expect(drifted.body.total).toBeGreaterThan(0);
    const onlyDrifted = await get('?status=drifted');
    expect(onlyDrifted.body.total).toBe(
      readable.filter(s => s.environments.some(e => e.status === 'drifted'))
        .length,
    );
    expect(onlyDrifted.body.total).toBeGreaterThan(0);
    expect(onlyDrifted.body.total).toBeLessThan(drifted.body.total);
    const notInSync = await get('?notInSync=true');
    expect(notInSync.body.total).toBe(
      readable.filter(s => s.environments.some(e => e.status !== 'in-sync'))
        .length,
    );
    expect(notInSync.body.total).toBeLessThan(30);
    expect(notInSync.body.statusCounts).toEqual(drifted.body.statusCounts);
    const search = await get('?search=SERVICE-001');
    expect(refs(search.body)).toEqual(
      Array.from({ length: 10 }, (_, i) => `component:default/service-001${i}`),
    );
    const page = await get('?offset=10&limit=5');
    expect(page.body.total).toBe(30);
    expect(refs(page.body)).toEqual(
      readable.slice(10, 15).map(s => s.entityRef),
    );
    expect(page.body.snapshotsFrom).toBe(
      readable
        .slice(10, 15)
        .map(s => s.snapshotAt)
        .sort()[0],
    );
  });

  it.each([
    ['?status=bogus'],
    ['?limit=501'],
    ['?offset=-1'],
    ['?notInSync=yes'],
    ['?owner[a]=b'],
    ['?colour=red'],
  ])('400 for %s, without reading snapshots', async qs => {
    const reader = new MemoryHistoryReader([], snapshots);
    const res = await get(qs, reader);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(validate('Error', res.body)).toBeNull();
    expect(reader.calls.listSnapshots).toBe(0);
  });

  it('401 without credentials, 404 when history is not enabled', async () => {
    const none = await request(
      await app(new MemoryHistoryReader([], snapshots)),
    )
      .get('/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(none.status).toBe(401);
    const disabled = await request(await app(undefined))
      .get('/overview')
      .set('Authorization', USER);
    expect(disabled.status).toBe(404);
  });
});
