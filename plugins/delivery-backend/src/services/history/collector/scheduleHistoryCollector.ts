import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { HistoryConfig } from '../../../configTypes';

/** The scheduler task id of the collector. */
export const HISTORY_TASK_ID = 'delivery-history-collector';

/**
 * Schedules the collector every `intervalMinutes`, in global scope: the
 * scheduler's task lock in the shared database lets one replica run it at a
 * time. Returns the task id, or undefined when `delivery.history.enabled`
 * is false.
 */
export async function scheduleHistoryCollector(
  scheduler: Pick<SchedulerService, 'scheduleTask'>,
  history: Pick<HistoryConfig, 'enabled' | 'intervalMinutes'>,
  collector: { run(): Promise<unknown> },
): Promise<string | undefined> {
  if (!history.enabled) return undefined;
  const minutes = history.intervalMinutes;
  await scheduler.scheduleTask({
    id: HISTORY_TASK_ID,
    frequency: { minutes },
    // a back-fill run may take longer than one interval
    timeout: { minutes: Math.min(60, Math.max(10, minutes * 3)) },
    initialDelay: { seconds: 15 },
    scope: 'global',
    fn: async () => {
      await collector.run();
    },
  });
  return HISTORY_TASK_ID;
}
