import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ownerOnlyPermissions } from '../../__testUtils__/ownerOnlyPermissions';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { randomPorts, startSandbox } from '@gitops-delivery/sandbox';
import request from 'supertest';
import { readDeliveryConfig } from '../../config';
import { openApiValidator } from '../../__testUtils__/openapi';
import { routerApp } from '../../__testUtils__/routerApp';
import { sandboxControl } from '../../__testUtils__/sandboxControl';
import {
  component,
  sandboxAppConfig,
  sandboxViewService,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { recordingAuditor } from '../promotion/__testUtils__/harness';
import { createResyncRouter } from '../../routes/resyncRoutes';
import { UpstreamClients } from '../../upstreams/clients';
import { createResyncService, resyncParameters } from './resyncService';

jest.setTimeout(60_000);

const OWNER = 'user:default/guest';
const OUTSIDER = 'user:default/outsider';
const PATH = '/entities/default/component/xposer/resync';
const entity = component('xposer', xposerAnnotations);
const validate = openApiValidator();
let sandbox: TestSandbox;
const control = (method: string, path: string, body?: unknown) =>
  sandboxControl(sandbox, method, path, body);

beforeAll(async () => {
  // deploys stay "building" long enough to re-sync twice while one runs
  sandbox = await startSandbox({
    ports: randomPorts,
    deployDelayMs: 1500,
    buildDelayMs: 20,
  });
});
afterAll(async () => sandbox?.stop());
beforeEach(async () => {
  await control('POST', '/reset');
});

interface Counts {
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
}
const deployPosts = async () => {
  const counts = (await control('GET', '/requests')) as Counts;
  const routes = counts.upstreams['jenkins-deploy']?.routes ?? {};
  return Object.keys(routes).filter(r => r.startsWith('POST'));
};

function app() {
  const config = readDeliveryConfig(
    new ConfigReader(sandboxAppConfig(sandbox.urls)),
  );
  const auditor = recordingAuditor();
  const { authorize, permissions } = ownerOnlyPermissions(OWNER);
  const resync = createResyncService({
    config,
    auditor,
    logger: mockServices.logger.mock(),
    clients: new UpstreamClients(config),
  });
  const routerP = createResyncRouter({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions,
    catalog: catalogServiceMock({ entities: [entity] }),
    auditor,
    logger: mockServices.logger.mock(),
    resync,
  });
  return routerP.then(router => ({
    server: routerApp(router),
    auditor,
    authorize,
  }));
}

const staging = (v: DeliveryView) =>
  v.environments.find(e => e.name === 'staging')!;

async function waitForStatus(status: string, timeoutMs = 15_000) {
  const view = sandboxViewService(sandbox.urls);
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = staging(await view.getView(entity)).status;
    if (last === status) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`staging stayed ${last}, expected ${status}`);
}

describe('POST /entities/:namespace/:kind/:name/resync (sandbox)', () => {
  it('drift -> re-sync -> in-sync; a second re-sync while deploying queues nothing', async () => {
    const { server, auditor } = await app();
    const nexusHost = new URL(sandbox.urls.nexus).host;
    await control('POST', '/kubectl/set-image', {
      namespace: 'staging',
      deployment: 'xposer',
      image: `${nexusHost}/stakater/xposer:hotfix`,
    });
    const drifted = staging(
      await sandboxViewService(sandbox.urls).getView(entity),
    );
    expect(drifted).toMatchObject({
      status: 'drifted',
      pinnedVersion: 'v0.0.20',
      runningVersion: 'hotfix',
    });

    const first = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send({ environment: 'staging' });
    expect(first.status).toBe(202);
    expect(validate('ResyncResult', first.body)).toBeNull();
    expect(first.body).toEqual({
      environment: 'staging',
      queued: true,
      queueUrl: expect.stringMatching(
        new RegExp(`^${sandbox.urls['jenkins-deploy']}/queue/item/\\d+/$`),
      ),
    });

    const second = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send({ environment: 'staging' });
    expect(second.status).toBe(200);
    expect(validate('ResyncResult', second.body)).toBeNull();
    expect(second.body.queued).toBe(false);
    expect(second.body.queueUrl).toMatch(
      /\/queue\/item\/\d+\/$|\/job\/deploy\/job\/config-staging\/\d+\/$/,
    );
    // exactly one deploy was requested, on the staging job, with the configured branch
    expect(await deployPosts()).toEqual([
      'POST /job/deploy/job/config-staging/buildWithParameters',
    ]);

    await waitForStatus('in-sync');
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-resync',
        status: 'succeeded',
        meta: expect.objectContaining({
          actor: OWNER,
          environment: 'staging',
          queued: true,
          queueUrl: first.body.queueUrl,
        }),
      }),
      expect.objectContaining({
        eventId: 'delivery-resync',
        status: 'succeeded',
        meta: expect.objectContaining({ queued: false }),
      }),
    ]);
  });

  it('concurrent re-syncs queue one deploy', async () => {
    const { server } = await app();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(server)
          .post(PATH)
          .set('Authorization', mockCredentials.user.header(OWNER))
          .send({ environment: 'dev' }),
      ),
    );
    expect(results.filter(r => r.body.queued === true)).toHaveLength(1);
    expect(results.filter(r => r.body.queued === false)).toHaveLength(4);
    expect(await deployPosts()).toEqual([
      'POST /job/deploy/job/config-dev/buildWithParameters',
    ]);
  });

  it('a non-owner gets 403 + an audit event, and no deploy-Jenkins request is made', async () => {
    const { server, auditor } = await app();
    const res = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OUTSIDER))
      .send({ environment: 'staging' });
    expect(res.status).toBe(403);
    expect(validate('Error', res.body)).toBeNull();
    const counts = (await control('GET', '/requests')) as Counts;
    expect(counts.upstreams['jenkins-deploy']?.total ?? 0).toBe(0);
    expect(auditor.events).toEqual([
      expect.objectContaining({
        eventId: 'delivery-resync',
        status: 'failed',
        meta: expect.objectContaining({ actor: OUTSIDER, outcome: 'denied' }),
      }),
    ]);
  });

  it('401 without a token, 403 for a service, 404 unknown entity, 400 bad body', async () => {
    const { server, authorize } = await app();
    expect(
      (await request(server).post(PATH).send({ environment: 'dev' })).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .post(PATH)
          .set('Authorization', mockCredentials.service.header())
          .send({ environment: 'dev' })
      ).status,
    ).toBe(403);
    expect(authorize).not.toHaveBeenCalled();
    const owner = mockCredentials.user.header(OWNER);
    expect(
      (
        await request(server)
          .post('/entities/default/component/nope/resync')
          .set('Authorization', owner)
          .send({ environment: 'dev' })
      ).status,
    ).toBe(404);
    expect(
      (await request(server).post(PATH).set('Authorization', owner).send({}))
        .status,
    ).toBe(400);
    expect(
      (
        await request(server)
          .post(PATH)
          .set('Authorization', owner)
          .send({ environment: 'dev', version: 'v9.9.9' })
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server)
          .post(PATH)
          .set('Authorization', owner)
          .send({ environment: 'qa' })
      ).status,
    ).toBe(400);
    expect(await deployPosts()).toEqual([]);
  });

  it('503 when the deploy Jenkins is down, audited as failed', async () => {
    const { server, auditor } = await app();
    await control('POST', '/faults', {
      upstream: 'jenkins-deploy',
      kind: 'error',
      status: 502,
    });
    const res = await request(server)
      .post(PATH)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send({ environment: 'dev' });
    expect(res.status).toBe(503);
    expect(auditor.events[0]).toMatchObject({
      eventId: 'delivery-resync',
      status: 'failed',
    });
  });
});

describe('resyncParameters', () => {
  const env = { branch: 'main' } as Parameters<typeof resyncParameters>[0];
  it('uses the job defaults and the configured branch, never user input', () => {
    expect(resyncParameters(env, [])).toBeUndefined();
    expect(
      resyncParameters(env, [
        { name: 'BRANCH', defaultValue: 'other' },
        { name: 'DRY_RUN', defaultValue: 'false' },
        { name: 'X' },
      ]),
    ).toEqual({
      BRANCH: 'main',
      DRY_RUN: 'false',
    });
  });
});
