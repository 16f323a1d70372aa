import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { ServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { deliveryPlugin } from './plugin';
import { openApiValidator } from './__testUtils__/openapi';
import { startServer } from './__testUtils__/server';

const xposer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'xposer',
    namespace: 'default',
    annotations: {
      'delivery/code-job': 'code:stakater/xposer/master',
      'delivery/image': 'stakater/xposer',
      'delivery/chart': 'xposer',
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-xposer',
    lifecycle: 'production',
  },
};

describe('GET /api/delivery/entities/:namespace/:kind/:name', () => {
  let upstream: Awaited<ReturnType<typeof startServer>>;
  const validate = openApiValidator();

  beforeAll(async () => {
    upstream = await startServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
  });
  afterAll(() => upstream.close());

  async function start(
    catalog: ServiceFactory = catalogServiceMock.factory({
      entities: [xposer],
    }),
  ) {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        catalog,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: new URL(upstream.url).host,
                  apiBaseUrl: `${upstream.url}/api/v3`,
                  token: 't',
                },
              ],
            },
            delivery: {
              codeJenkins: [
                { name: 'code', baseUrl: upstream.url, timeoutMs: 500 },
              ],
              deployJenkins: [
                { name: 'deploy', baseUrl: upstream.url, timeoutMs: 500 },
              ],
              nexus: [
                { name: 'default', baseUrl: upstream.url, timeoutMs: 500 },
              ],
              chartMuseum: [
                { name: 'default', baseUrl: upstream.url, timeoutMs: 500 },
              ],
              environments: [
                {
                  name: 'dev',
                  configRepo: `${upstream.url}/gitops/config-dev`,
                  deployJob: 'deploy/config-dev',
                  timeoutMs: 500,
                },
              ],
            },
          },
        }),
      ],
    });
    return server;
  }

  it('returns 401 without credentials', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/delivery/entities/default/component/xposer')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(validate('Error', res.body)).toBeNull();
  });

  it('returns 400 for bad params', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/delivery/entities/default/component/..%2Fx',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(validate('Error', res.body)).toBeNull();
  });

  it('returns 404 for an unknown entity, with no upstream traffic', async () => {
    const server = await start();
    const before = upstream.seen.length;
    const res = await request(server).get(
      '/api/delivery/entities/default/component/nope',
    );
    expect(res.status).toBe(404);
    expect(validate('Error', res.body)).toBeNull();
    expect(upstream.seen.length).toBe(before);
  });

  it('reads the entity as the caller: unreadable is 404 with no upstream traffic', async () => {
    // The catalog hides the entity from this caller.
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async () => undefined,
    });
    const server = await start(catalog.factory);
    const before = upstream.seen.length;
    const res = await request(server)
      .get('/api/delivery/entities/default/component/xposer')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/outsider'),
      );
    expect(res.status).toBe(404);
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      { namespace: 'default', kind: 'component', name: 'xposer' },
      { credentials: mockCredentials.user('user:default/outsider') },
    );
    expect(upstream.seen.length).toBe(before);
  });

  it('returns 200 with the view, failing sources marked, matching the OpenAPI schema', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/delivery/entities/default/component/xposer')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(validate('DeliveryView', res.body)).toBeNull();
    expect(res.body).toMatchObject({
      entityRef: 'component:default/xposer',
      release: 'xposer',
      environments: [{ name: 'dev', status: 'unknown' }],
      sources: {
        codeJenkins: { status: 'error', error: { kind: 'unavailable' } },
        nexus: { status: 'error', error: { kind: 'unavailable' } },
        chartMuseum: { status: 'error', error: { kind: 'unavailable' } },
        'configRepo:dev': { status: 'error', error: { kind: 'unavailable' } },
        'deployJenkins:dev': {
          status: 'error',
          error: { kind: 'unavailable' },
        },
        'cluster:dev': { status: 'ok', note: 'no cluster configured' },
      },
    });
  });

  it('mounts the promotion routes (user-only POST)', async () => {
    const server = await start();
    const path = '/api/delivery/entities/default/component/xposer/promotions';
    const body = { environment: 'dev', version: 'v0.0.20' };
    const none = await request(server)
      .post(path)
      .set('Authorization', mockCredentials.none.header())
      .send(body);
    expect(none.status).toBe(401);
    const service = await request(server)
      .post(path)
      .set('Authorization', mockCredentials.service.header())
      .send(body);
    expect([401, 403]).toContain(service.status);
    expect(validate('Error', service.body)).toBeNull();
  });
});
