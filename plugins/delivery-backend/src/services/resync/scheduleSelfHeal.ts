import type { SchedulerService } from '@backstage/backend-plugin-api';
import type { EnvironmentConfig } from '../../configTypes';
import { runSelfHeal, SelfHealOptions } from './selfHeal';

/**
 * Schedules the self-heal: one task per distinct frequency among the
 * environments with `selfHeal` enabled (global scope: one host runs it).
 * Returns the scheduled task ids.
 */
export async function scheduleSelfHeal(
  scheduler: Pick<SchedulerService, 'scheduleTask'>,
  environments: readonly EnvironmentConfig[],
  deps: Omit<SelfHealOptions, 'environments' | 'cap'>,
): Promise<string[]> {
  const byFrequency = new Map<number, EnvironmentConfig[]>();
  for (const env of environments) {
    if (!env.selfHeal.enabled) continue;
    const list = byFrequency.get(env.selfHeal.frequencyMinutes) ?? [];
    list.push(env);
    byFrequency.set(env.selfHeal.frequencyMinutes, list);
  }
  const ids: string[] = [];
  for (const [minutes, envs] of byFrequency) {
    const id = `delivery-self-heal-${minutes}m`;
    const cap = Math.min(...envs.map(e => e.selfHeal.maxPerRun));
    await scheduler.scheduleTask({
      id,
      frequency: { minutes },
      timeout: { minutes: Math.max(1, Math.min(minutes, 10)) },
      initialDelay: { minutes: 1 },
      scope: 'global',
      fn: async () => {
        await runSelfHeal({ ...deps, environments: envs, cap });
      },
    });
    ids.push(id);
  }
  return ids;
}
