import { DefaultSchedulerService } from '@backstage/backend-defaults/scheduler';
import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Knex } from 'knex';
import { createTestDatabases } from '../../../database/__testUtils__/testDatabases';
import {
  HISTORY_TASK_ID,
  scheduleHistoryCollector,
} from './scheduleHistoryCollector';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** One backend replica's scheduler on the shared database. */
function replicaScheduler(knex: Knex) {
  return DefaultSchedulerService.create({
    database: mockServices.database({ knex }),
    logger: mockServices.logger.mock(),
    metrics: metricsServiceMock.mock(),
    rootLifecycle: mockServices.rootLifecycle.mock(),
    httpRouter: mockServices.httpRouter.mock(),
    pluginMetadata: { getId: () => 'delivery' },
  });
}

describe.each(databases.eachSupportedId())(
  'the collector task with two replicas on one %s database',
  (id: TestDatabaseId) => {
    it('runs on one replica at a time: two triggers at once are one run', async () => {
      const knex = await databases.init(id);
      const runs: string[] = [];
      let active = 0;
      let maxActive = 0;
      const collector = (replica: string) => ({
        async run() {
          active++;
          maxActive = Math.max(maxActive, active);
          runs.push(replica);
          await sleep(1500);
          active--;
        },
      });
      const a = replicaScheduler(knex);
      const b = replicaScheduler(knex);
      const history = { enabled: true, intervalMinutes: 60 };
      expect(await scheduleHistoryCollector(a, history, collector('a'))).toBe(
        HISTORY_TASK_ID,
      );
      await scheduleHistoryCollector(b, history, collector('b'));
      expect(
        (await a.getScheduledTasks()).find(t => t.id === HISTORY_TASK_ID),
      ).toMatchObject({ scope: 'global' });

      await Promise.allSettled([
        a.triggerTask(HISTORY_TASK_ID),
        b.triggerTask(HISTORY_TASK_ID),
      ]);
      for (let i = 0; i < 100 && runs.length === 0; i++) await sleep(100);
      // both replicas poll the task lock every 5 s; give the loser its chance
      await sleep(7000);
      expect(runs).toHaveLength(1);
      expect(maxActive).toBe(1);
    });

    it('schedules nothing when delivery.history.enabled is false', async () => {
      const scheduleTask = jest.fn();
      expect(
        await scheduleHistoryCollector(
          { scheduleTask },
          { enabled: false, intervalMinutes: 5 },
          { run: jest.fn() },
        ),
      ).toBeUndefined();
      expect(scheduleTask).not.toHaveBeenCalled();
    });
  },
);
