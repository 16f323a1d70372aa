import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { ownerOnlyPermissions } from '../__testUtils__/ownerOnlyPermissions';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import type { Knex } from 'knex';
import request from 'supertest';
import { createTestDatabases } from '../database/__testUtils__/testDatabases';
import { createPromotionRouter } from './promotionRoutes';
import { createHarness } from '../services/promotion/__testUtils__/harness';
import {
  TestGitHub,
  startTestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import { entity, seeds } from '../services/promotion/__testUtils__/world';

jest.setTimeout(60_000);

const databases = createTestDatabases();
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
const PATH = '/entities/default/component/xposer/promotions';

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
  const server = express()
    .use(router)
    .use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.rootLogger(),
      }).error(),
    );
  return { server, authorize, ...harness };
}

const body = { environment: 'dev', version: 'v0.0.20' };

describe('POST /entities/:namespace/:kind/:name/promotions', () => {
  it('201 with the PR for an owner, then 200 with the same PR', async () => {
    const { server } = await app();
    const first = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      created: true,
      environment: 'dev',
      version: 'v0.0.20',
      previousVersion: '0.0.19',
    });
    const again = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      created: false,
      number: first.body.number,
    });
  });

  it('403 + audit event for a non-owner, and no GitHub request', async () => {
    const { server, auditor, getView } = await app();
    const res = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OUTSIDER))
      .send(body);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(gh.requests).toEqual([]);
    expect(getView).not.toHaveBeenCalled();
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-promote',
        status: 'failed',
        meta: expect.objectContaining({
          actor: OUTSIDER,
          outcome: 'denied',
          entityRef: 'component:default/xposer',
        }),
      }),
    ]);
  });

  it('401 without a token, 403 for a service principal', async () => {
    const { server, authorize } = await app();
    expect((await request(server).post(PATH).send(body)).status).toBe(401);
    expect(
      (
        await request(server)
          .post(PATH)
          .set('Authorization', mockCredentials.service.header())
          .send(body)
      ).status,
    ).toBe(403);
    expect(authorize).not.toHaveBeenCalled();
    expect(gh.requests).toEqual([]);
  });

  it('404 for an entity the caller cannot see, before any permission or GitHub call', async () => {
    const { server, authorize } = await app();
    const res = await request(server)
      .post('/entities/default/component/nope/promotions')
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(res.status).toBe(404);
    expect(authorize).not.toHaveBeenCalled();
    expect(gh.requests).toEqual([]);
  });

  it.each([
    [{ environment: 'dev' }, 400],
    [{ environment: 'dev', version: 'v1.2.3\nimage: x' }, 400],
    [{ environment: 'nope', version: 'v0.0.20' }, 400],
    [
      { environment: 'dev', version: 'v0.0.20', values: '- not a mapping' },
      400,
    ],
    [{ environment: 'dev', version: 'v0.0.21' }, 400],
    [{ environment: 'prod', version: 'v0.0.19' }, 409],
    [{ environment: 'dup', version: 'v0.0.20' }, 422],
    [{ environment: 'bomb', version: 'v0.0.20' }, 422],
  ])('%j -> %i, nothing written', async (payload, status) => {
    const { server } = await app();
    const res = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(payload);
    expect(res.status).toBe(status);
    expect(gh.requests.filter(r => !r.startsWith('GET'))).toEqual([]);
  });
});

describe('GET /entities/:namespace/:kind/:name/promotions', () => {
  it('lists recorded attempts, newest first', async () => {
    const { server } = await app();
    await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    const res = await request(server)
      .get(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER));
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      outcome: 'created',
      toVersion: 'v0.0.20',
      actor: OWNER,
    });
    expect((await request(server).get(PATH)).status).toBe(401);
    expect(
      (
        await request(server)
          .get(`${PATH}?limit=0`)
          .set('Authorization', mockCredentials.user.header(OWNER))
      ).status,
    ).toBe(400);
  });
});

describe('POST /entities/:namespace/:kind/:name/promotions/preview', () => {
  const PREVIEW = `${PATH}/preview`;

  it('403 + audit event for a user who may not promote, and no config-repo read', async () => {
    const { server, auditor, getView } = await app();
    const res = await request(server)
      .post(PREVIEW)
      .set('Authorization', mockCredentials.user.header(OUTSIDER))
      .send(body);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body).not.toHaveProperty('changes');
    expect(gh.requests).toEqual([]);
    expect(getView).not.toHaveBeenCalled();
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-promote-preview',
        status: 'failed',
        meta: expect.objectContaining({
          actor: OUTSIDER,
          outcome: 'denied',
          environment: 'dev',
          version: 'v0.0.20',
        }),
      }),
    ]);
  });

  it('200 with the diff for an owner, audited, and nothing written', async () => {
    const { server, auditor } = await app();
    const res = await request(server)
      .post(PREVIEW)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ allowed: true, environment: 'dev' });
    expect(gh.requests.filter(r => !r.startsWith('GET'))).toEqual([]);
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-promote-preview',
        status: 'succeeded',
        meta: expect.objectContaining({
          actor: OWNER,
          entityRef: 'component:default/xposer',
          environment: 'dev',
          version: 'v0.0.20',
        }),
      }),
    ]);
  });

  it('401 without a token, 403 for a service principal', async () => {
    const { server } = await app();
    expect((await request(server).post(PREVIEW).send(body)).status).toBe(401);
    expect(
      (
        await request(server)
          .post(PREVIEW)
          .set('Authorization', mockCredentials.service.header())
          .send(body)
      ).status,
    ).toBe(403);
    expect(gh.requests).toEqual([]);
  });
});

describe('per-environment authorization', () => {
  it('authorizes delivery.promote on the delivery target <entity>@<environment>; a prod-only denial is a 403 for prod alone', async () => {
    const { server, authorize, auditor } = await app();
    authorize.mockImplementation(async (requests: unknown[]) =>
      (requests as Array<{ resourceRef: string }>).map(r => ({
        result: r.resourceRef.endsWith('@prod')
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
    );
    const prod = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send({ environment: 'prod', version: 'v0.0.20' });
    expect(prod.status).toBe(403);
    expect(prod.body.error.message).toContain('in prod');
    expect(gh.requests).toEqual([]);
    expect(auditor.events[0]).toMatchObject({
      status: 'failed',
      meta: { environment: 'prod', outcome: 'denied' },
    });
    const dev = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
    expect(dev.status).toBe(201);
    expect(
      authorize.mock.calls.map(
        c =>
          (
            c[0] as Array<{ resourceRef: string; permission: { name: string } }>
          )[0],
      ),
    ).toEqual([
      expect.objectContaining({
        resourceRef: 'component:default/xposer@prod',
        permission: expect.objectContaining({ name: 'delivery.promote' }),
      }),
      expect.objectContaining({ resourceRef: 'component:default/xposer@dev' }),
    ]);
  });
});
