import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  DeliveryEvent,
  promotionOpenEvent,
  promotionRunningEvent,
  statusEvent,
} from '../../notifications/deliveryEvents';
import type { EntityHistory } from '../types';
import type { Transition } from './collectEntity';
import { lastPinChanges } from './snapshot';

/**
 * What one entity's collection tells its owners about: each recorded
 * transition (into a failed or drifted status, or a merged promotion now
 * running in sync) and each promotion pull request open too long.
 */
export function runEvents(input: {
  entityRef: string;
  transitions: Transition[];
  history: EntityHistory;
  view: Pick<DeliveryView, 'environments'>;
  now: Date;
  promotionOpenAlertHours: number;
}): DeliveryEvent[] {
  const lastPins = lastPinChanges(input.history);
  const out: (DeliveryEvent | undefined)[] = [];
  for (const t of input.transitions) {
    out.push(statusEvent(t.observation, t.previous));
    out.push(
      promotionRunningEvent(
        t.observation,
        t.previous,
        lastPins.get(t.observation.environment),
      ),
    );
  }
  for (const env of input.view.environments) {
    for (const pull of env.openPromotions) {
      out.push(
        promotionOpenEvent(
          input.entityRef,
          env.name,
          pull,
          input.now,
          input.promotionOpenAlertHours,
        ),
      );
    }
  }
  return out.filter((e): e is DeliveryEvent => Boolean(e));
}
