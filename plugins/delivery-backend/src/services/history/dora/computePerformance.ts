import type { DeliveryPerformance } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { changeFailureRate } from './changeFailureRate';
import { deploymentFrequency } from './deploymentFrequency';
import { leadTime } from './leadTime';
import { periodOf, type PerformanceOptions } from './period';
import { withProvenVersions } from './provenVersions';
import { timeToRestore } from './timeToRestore';

/**
 * The four DORA keys of one entity in one (production) environment over the
 * `days` days before `now`, from its recorded history. Pure: the same
 * history and options give the same figures. Events before the period are
 * context only (the previous version, first seen running); each figure's
 * list holds exactly the rows it counts. A deploy recorded without a
 * version takes the pin change recorded at exactly its config commit.
 */
export function computePerformance(
  recorded: EntityHistory,
  options: PerformanceOptions,
): DeliveryPerformance {
  const history = withProvenVersions(recorded);
  const period = periodOf(options);
  return {
    entityRef: history.entityRef,
    environment: period.environment,
    period: {
      days: period.days,
      from: new Date(period.fromMs).toISOString(),
      to: new Date(period.toMs).toISOString(),
    },
    historySince: history.historySince,
    collectedAt: history.collectedAt,
    deploymentFrequency: deploymentFrequency(history, period),
    leadTime: leadTime(history, period),
    changeFailureRate: changeFailureRate(history, period),
    timeToRestore: timeToRestore(history, period),
  };
}
