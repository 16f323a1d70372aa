import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ownerOnlyPermissions } from '../../__testUtils__/ownerOnlyPermissions';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Knex } from 'knex';
import request from 'supertest';
import { openApiValidator } from '../../__testUtils__/openapi';
import { routerApp } from '../../__testUtils__/routerApp';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { createPromotionRouter } from '../../routes/promotionRoutes';
import { createHarness } from './__testUtils__/harness';
import {
  TestGitHub,
  startTestGitHub,
  writes,
} from '@gitops-delivery/sandbox/testUtils';
import { entity, seeds } from './__testUtils__/world';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const validate = openApiValidator();
let gh: TestGitHub;
let knex: Knex;

beforeAll(async () => {
  gh = await startTestGitHub(seeds());
  knex = await databases.init('SQLITE_3');
});
afterAll(async () => gh.close());
beforeEach(async () => gh.reset(seeds()));

const OWNER = 'user:default/guest';
const OUTSIDER = 'user:default/outsider';
const BASE = '/entities/default/component/xposer/promotions';
const PREVIEW = `${BASE}/preview`;

async function app() {
  const harness = await createHarness(gh, knex);
  const { authorize, permissions } = ownerOnlyPermissions(OWNER);
  const router = await createPromotionRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    catalog: catalogServiceMock({ entities: [entity] }),
    auditor: harness.auditor,
    logger: mockServices.logger.mock(),
    promotions: harness.service,
  });
  const server = routerApp(router);
  return { server, authorize, ...harness };
}

const as = (user: string) => mockCredentials.user.header(user);

describe('POST .../promotions/preview', () => {
  it('shows the gates and the exact diff promote would commit, and writes nothing', async () => {
    const { server, auditor } = await app();
    const res = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({ environment: 'dev', version: 'v0.0.20' });
    expect(res.status).toBe(200);
    expect(validate('PromotionPreview', res.body)).toBeNull();
    expect(res.body).toMatchObject({
      environment: 'dev',
      version: 'v0.0.20',
      previousVersion: '0.0.19',
      allowed: true,
    });
    expect(res.body.blockedReason).toBeUndefined();
    expect(
      res.body.gates.map((g: { rule: string; ok: boolean }) => [g.rule, g.ok]),
    ).toEqual([
      ['chart-exists', true],
      ['image-exists', true],
      ['build-succeeded', true],
      ['running-in-previous', true],
    ]);
    expect(res.body.gates[3].message).toBe('dev has no previous environment');
    const [req, values] = res.body.changes;
    expect(req.path).toBe('requirements.yaml');
    expect(req.url).toBe(
      `${gh.baseUrl}/gitops/config-dev/blob/main/requirements.yaml`,
    );
    const changed = (patch: string) =>
      patch.split('\n').filter(l => /^[-+](?![-+]{2} )/.test(l));
    expect(changed(req.patch)).toEqual([
      '-    version: 0.0.19 # pinned by Delivery',
      '+    version: v0.0.20 # pinned by Delivery',
    ]);
    expect(req.patch.split('\n').slice(0, 2)).toEqual([
      '--- a/requirements.yaml',
      '+++ b/requirements.yaml',
    ]);
    expect(values.path).toBe('xposer.yaml');
    expect(changed(values.patch)).toEqual([
      '-      tag: 0.0.19',
      '+      tag: v0.0.20',
    ]);
    expect(writes(gh.requests)).toEqual([]);
    // Preview reads config content: it is audited like promote (#11).
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-promote-preview',
        status: 'succeeded',
      }),
    ]);

    // the same edit code: the PR opened next has exactly this content
    const opened = await request(server)
      .post(BASE)
      .set('Authorization', as(OWNER))
      .send({ environment: 'dev', version: 'v0.0.20' });
    expect(opened.status).toBe(201);
    const again = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({ environment: 'dev', version: 'v0.0.20' });
    expect(again.body.existingPullRequest).toEqual({
      url: opened.body.url,
      number: opened.body.number,
    });
  });

  it('includes requested values in the diff', async () => {
    const { server } = await app();
    const res = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({
        environment: 'dev',
        version: 'v0.0.20',
        values: 'xposer:\n  watchGlobally: false\n',
      });
    expect(res.status).toBe(200);
    expect(res.body.changes[1].patch).toContain('+    watchGlobally: false');
    expect(res.body.changes[1].patch).toContain('-    watchGlobally: true');
  });

  it('a non-owner gets 403 and no diff (preview shows config content only to those who may promote, #11)', async () => {
    const { server, auditor } = await app();
    const res = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OUTSIDER))
      .send({ environment: 'dev', version: 'v0.0.20' });
    expect(res.status).toBe(403);
    expect(res.body).not.toHaveProperty('changes');
    expect(gh.requests).toEqual([]);
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-promote-preview',
        status: 'failed',
      }),
    ]);
  });

  it('reports failed gates and "already pinned" instead of throwing', async () => {
    const { server } = await app();
    const gate = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({ environment: 'prod', version: 'v0.0.20' });
    expect(gate.status).toBe(200);
    expect(
      gate.body.gates.find(
        (g: { rule: string }) => g.rule === 'running-in-previous',
      ),
    ).toMatchObject({ ok: true });
    const failing = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({ environment: 'prod', version: 'v0.0.18' });
    expect(
      failing.body.gates.find(
        (g: { rule: string }) => g.rule === 'running-in-previous',
      ),
    ).toMatchObject({
      ok: false,
      message: 'v0.0.18 is not running in dev (running: v0.0.20)',
    });
    expect(failing.body.blockedReason).toBe(
      'Gate running-in-previous failed: v0.0.18 is not running in dev (running: v0.0.20)',
    );
    const noChart = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({ environment: 'dev', version: 'v0.0.21' });
    expect(noChart.body.gates[0]).toMatchObject({
      rule: 'chart-exists',
      ok: false,
    });
    const pinned = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send({ environment: 'dev', version: 'v0.0.19' });
    expect(pinned.status).toBe(200);
    expect(pinned.body.changes).toEqual([]);
    expect(pinned.body.blockedReason).toMatch(/already pinned to 0.0.19/);
    expect(validate('PromotionPreview', pinned.body)).toBeNull();
  });

  it.each([
    [{ environment: 'dev' }, 400],
    [{ environment: 'dev', version: 'v1.2.3\nimage: x' }, 400],
    [{ environment: 'nope', version: 'v0.0.20' }, 400],
    [
      { environment: 'dev', version: 'v0.0.20', values: '- not a mapping' },
      400,
    ],
    [{ environment: 'bomb', version: 'v0.0.20' }, 422],
  ])('%j -> %i', async (payload, status) => {
    const { server } = await app();
    const res = await request(server)
      .post(PREVIEW)
      .set('Authorization', as(OWNER))
      .send(payload);
    expect(res.status).toBe(status);
    expect(validate('Error', res.body)).toBeNull();
    expect(writes(gh.requests)).toEqual([]);
  });

  it('401 without a token, 403 for a service, 404 for an unknown entity', async () => {
    const { server, getView } = await app();
    const body = { environment: 'dev', version: 'v0.0.20' };
    expect((await request(server).post(PREVIEW).send(body)).status).toBe(401);
    expect(
      (
        await request(server)
          .post(PREVIEW)
          .set('Authorization', mockCredentials.service.header())
          .send(body)
      ).status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .post('/entities/default/component/nope/promotions/preview')
          .set('Authorization', as(OWNER))
          .send(body)
      ).status,
    ).toBe(404);
    expect(getView).not.toHaveBeenCalled();
    expect(gh.requests).toEqual([]);
  });
});
