import type { DeliveryPerformance } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { frequencyBand } from './bands';
import { inPeriod, type Period } from './period';
import { environmentDeploys, settledDeploys } from './productionDeploys';
import { toDoraDeploy } from './toDoraDeploy';
import { dailyCounts } from './trend';

/**
 * Deployment frequency: the SUCCESS production deploy runs that brought a
 * version other than the previous successful one, ended in the period;
 * per day = count / days, per week = count / (days / 7).
 */
export function deploymentFrequency(
  history: EntityHistory,
  period: Period,
): DeliveryPerformance['deploymentFrequency'] {
  const counted = settledDeploys(history, period.environment).filter(
    s =>
      s.deploy.result === 'SUCCESS' && s.newVersion && inPeriod(period, s.atMs),
  );
  const count = counted.length;
  const perDay = count / period.days;
  return {
    count,
    perDay,
    perWeek: count / (period.days / 7),
    // nothing recorded in the environment: no band (unknown, not "low")
    band:
      environmentDeploys(history, period.environment).length > 0
        ? frequencyBand(perDay)
        : undefined,
    trend: dailyCounts(
      period,
      counted.map(s => s.atMs),
      history.historySince,
    ),
    deploys: counted.map(s => toDoraDeploy(history, s)),
  };
}
