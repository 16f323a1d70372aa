import {
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { deliveryPlugin } from './plugin';
import {
  component,
  sandboxAppConfig,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from './__testUtils__/sandbox';
import { recordingNotifications } from './services/history/collector/__testUtils__/collectorHarness';
import { HISTORY_TASK_ID } from './services/history/collector';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('deliveryPlugin: the wired history collector', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('schedules the collector, whose run fills the overview and the performance, and records re-syncs', async () => {
    const knex = await databases.init('SQLITE_3');
    const tasks: Parameters<SchedulerService['scheduleTask']>[0][] = [];
    const notifications = recordingNotifications();
    const app = sandboxAppConfig(sandbox.urls);
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        catalogServiceMock.factory({
          entities: [component('xposer', xposerAnnotations)],
        }),
        mockServices.rootConfig.factory({
          data: {
            ...app,
            delivery: {
              ...(app.delivery as object),
              history: { intervalMinutes: 2, backfillDays: 3650 },
            },
          },
        }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.mock({
          scheduleTask: async task => {
            tasks.push(task);
          },
        }).factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => notifications,
        }),
      ],
    });
    const task = tasks.find(t => t.id === HISTORY_TASK_ID)!;
    expect(task).toMatchObject({
      frequency: { minutes: 2 },
      scope: 'global',
    });

    const user = mockCredentials.user.header('user:default/guest');
    // the overview serves the snapshots (cached a few seconds per process):
    // none before the first run
    expect(await knex('delivery_history_snapshots')).toEqual([]);

    await task.fn(new AbortController().signal);

    const overview = await request(server)
      .get('/api/delivery/overview')
      .set('Authorization', user);
    expect(overview.status).toBe(200);
    expect(overview.body.rows).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/xposer',
        owner: 'group:default/team-xposer',
        environments: [
          expect.objectContaining({ name: 'dev', status: 'in-sync' }),
          expect.objectContaining({ name: 'staging', status: 'in-sync' }),
          expect.objectContaining({ name: 'prod', status: 'in-sync' }),
        ],
        dora: expect.objectContaining({ deploysPerWeek: expect.any(Number) }),
      }),
    ]);
    const performance = await request(server)
      .get('/api/delivery/entities/default/component/xposer/performance')
      .query({ days: 180 })
      .set('Authorization', user);
    expect(performance.status).toBe(200);
    // prod: 0.0.14 (what ran before it is not recorded: not counted as a
    // change), then 0.0.19 (its first deploy failed, the second did not)
    expect(performance.body.deploymentFrequency.count).toBe(1);
    expect(performance.body.deploymentFrequency.deploys).toEqual([
      expect.objectContaining({ version: '0.0.19', previousVersion: '0.0.14' }),
    ]);

    const resync = await request(server)
      .post('/api/delivery/entities/default/component/xposer/resync')
      .set('Authorization', user)
      .send({ environment: 'staging' });
    expect(resync.status).toBeLessThan(300);
    expect(
      await knex('delivery_history_actions').select(
        'entity_ref',
        'environment',
        'kind',
        'actor',
      ),
    ).toEqual([
      {
        entity_ref: 'component:default/xposer',
        environment: 'staging',
        kind: 'resync',
        actor: 'user:default/guest',
      },
    ]);
  });
});
