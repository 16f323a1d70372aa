/**
 * Live updates: the signals channel the delivery backend publishes on when
 * what an entity's view shows changed upstream, and its message.
 */

/** The signals channel of an entity's delivery view. @public */
export function deliveryEntityChannel(entityRef: string): string {
  return `delivery:entity:${entityRef}`;
}

/** The message on {@link deliveryEntityChannel}: refetch the view. @public */
export interface DeliveryRefreshSignal {
  /** (JSON object: what the signals service carries.) */
  [key: string]: string | string[];
  /** Refetch the view. */
  type: 'refresh';
  /** What changed upstream. */
  change: 'push' | 'pull-request' | 'jenkins-run';
  /** The environments whose pins, promotions or deploys changed (none: the code side). */
  environments: string[];
}
