import type {
  DeliveryPerformance,
  DoraSummary,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { overallBand } from './bands';
import { computePerformance } from './computePerformance';
import type { PerformanceOptions } from './period';

/** The overview's summary of computed figures: the four values and the lowest band among them. */
export function summaryOf(performance: DeliveryPerformance): DoraSummary {
  const { deploymentFrequency, leadTime, changeFailureRate, timeToRestore } =
    performance;
  return {
    days: performance.period.days,
    deploysPerWeek: deploymentFrequency.perWeek,
    leadTimeMedianHours: leadTime.medianHours,
    changeFailureRate: changeFailureRate.rate,
    timeToRestoreMedianHours: timeToRestore.medianHours,
    band: overallBand([
      deploymentFrequency.band,
      leadTime.band,
      changeFailureRate.band,
      timeToRestore.band,
    ]),
  };
}

/** The DORA summary of one entity (the overview row's `dora`), from its recorded history. */
export function summarize(
  history: EntityHistory,
  options: PerformanceOptions,
): DoraSummary {
  return summaryOf(computePerformance(history, options));
}
