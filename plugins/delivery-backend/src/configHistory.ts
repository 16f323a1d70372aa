import type { Config } from '@backstage/config';
import type { HistoryConfig } from './configTypes';
import { fail } from './configReaders';

function positive(
  root: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = root?.getOptionalNumber(key) ?? fallback;
  if (!(value > 0))
    fail(`delivery.history.${key}`, 'must be a positive number');
  return value;
}

/** Reads `delivery.history`; `environments` are the names in config order. */
export function readHistoryConfig(
  delivery: Config | undefined,
  environments: readonly string[],
): HistoryConfig {
  const root = delivery?.getOptionalConfig('history');
  const production =
    root?.getOptionalString('productionEnvironment') ?? environments.at(-1);
  if (
    root?.has('productionEnvironment') &&
    !environments.includes(production!)
  ) {
    fail(
      'delivery.history.productionEnvironment',
      `"${production}" is not one of delivery.environments (${environments.join(
        ', ',
      )})`,
    );
  }
  return Object.freeze({
    enabled: root?.getOptionalBoolean('enabled') ?? true,
    intervalMinutes: positive(root, 'intervalMinutes', 5),
    backfillDays: positive(root, 'backfillDays', 180),
    retentionDays: positive(root, 'retentionDays', 400),
    productionEnvironment: production,
    changeFailureWindowHours: positive(root, 'changeFailureWindowHours', 24),
    promotionOpenAlertHours: positive(root, 'promotionOpenAlertHours', 24),
  });
}
