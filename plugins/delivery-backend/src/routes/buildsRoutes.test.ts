import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  CodeBuild,
  DeliveryView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { generateWorld } from '@gitops-delivery/sandbox';
import {
  startTestSandbox,
  type Sandbox,
} from '@gitops-delivery/sandbox/testUtils';
import type { Server } from 'node:http';
import request from 'supertest';
import { deliveryPlugin } from '../plugin';
import { openApiValidator } from '../__testUtils__/openapi';
import { sandboxAppConfig } from '../__testUtils__/sandboxConfig';

jest.setTimeout(120_000);

/* A job with 120 builds: the view shows the newest 50, the pages reach all. */
const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'service-001',
    namespace: 'default',
    annotations: {
      'delivery/code-job': 'code:bench/service-001/master',
      'delivery/image': 'bench/service-001',
      'delivery/chart': 'service-001',
    },
  },
  spec: { type: 'service', owner: 'group:default/bench', lifecycle: 'x' },
};
const BASE = '/api/delivery/entities/default/component/service-001';

let sandbox: Sandbox;
let server: Server;
const validate = openApiValidator();

beforeAll(async () => {
  sandbox = await startTestSandbox({
    world: generateWorld({ services: 1, buildsPerService: 120 }),
  });
  ({ server } = await startTestBackend({
    features: [
      deliveryPlugin,
      catalogServiceMock.factory({ entities: [service] }),
      mockServices.rootConfig.factory({
        data: sandboxAppConfig(sandbox.urls, 10_000),
      }),
    ],
  }));
});
afterAll(() => sandbox.stop());

async function codeJenkinsRequests<T>(read: () => Promise<T>) {
  await fetch(`${sandbox.urls.control}/requests`, { method: 'DELETE' });
  const value = await read();
  const counts = (await (
    await fetch(`${sandbox.urls.control}/requests`)
  ).json()) as { upstreams: Record<string, { total: number }> };
  return { value, requests: counts.upstreams['jenkins-code']?.total ?? 0 };
}

const numbers = (builds: CodeBuild[]) => builds.map(b => b.number);
const range = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => from - i);

describe('GET /entities/:namespace/:kind/:name/builds', () => {
  it('pages back through every build Jenkins keeps, one code-Jenkins request per page, joined as in the view', async () => {
    const view = (await request(server).get(BASE)).body as DeliveryView;
    expect(numbers(view.builds)).toEqual(range(120, 50));

    const first = await request(server).get(`${BASE}/builds`);
    expect(first.status).toBe(200);
    expect(validate('CodeBuildsPage', first.body)).toBeNull();
    expect(first.body).toMatchObject({ offset: 0, limit: 50, hasMore: true });
    expect(first.body.builds).toEqual(view.builds);

    // an older page overlapping the view joins its builds exactly as the view does
    const overlap = await codeJenkinsRequests(() =>
      request(server).get(`${BASE}/builds?offset=40&limit=20`),
    );
    expect(overlap.requests).toBe(1);
    expect(numbers(overlap.value.body.builds)).toEqual(range(80, 20));
    const inView = overlap.value.body.builds.filter((b: CodeBuild) =>
      view.builds.some(v => v.number === b.number),
    );
    expect(inView).toHaveLength(10);
    for (const b of inView)
      expect(b).toEqual(view.builds.find(v => v.number === b.number));

    const last = await codeJenkinsRequests(() =>
      request(server).get(`${BASE}/builds?offset=100&limit=50`),
    );
    expect(last.requests).toBe(1);
    expect(last.value.body).toMatchObject({
      offset: 100,
      limit: 50,
      hasMore: false,
    });
    expect(numbers(last.value.body.builds)).toEqual(range(20, 20));
    expect(
      last.value.body.builds.filter((b: CodeBuild) => b.version).length,
    ).toBeGreaterThan(0);
  });

  it.each([
    ['limit=0'],
    ['limit=101'],
    ['offset=-1'],
    ['offset=abc'],
    ['page=2'],
  ])('answers 400 for %s, before any upstream request', async query => {
    const { value: res, requests } = await codeJenkinsRequests(() =>
      request(server).get(`${BASE}/builds?${query}`),
    );
    expect(res.status).toBe(400);
    expect(validate('Error', res.body)).toBeNull();
    expect(requests).toBe(0);
  });

  it('401 without credentials; 404 for an entity the caller cannot see', async () => {
    expect(
      (
        await request(server)
          .get(`${BASE}/builds`)
          .set('Authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
    const res = await request(server).get(
      '/api/delivery/entities/default/component/nope/builds',
    );
    expect(res.status).toBe(404);
    expect(validate('Error', res.body)).toBeNull();
  });
});
