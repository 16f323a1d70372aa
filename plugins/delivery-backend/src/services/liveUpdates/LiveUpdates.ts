import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventParams } from '@backstage/plugin-events-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  deliveryEntityChannel,
  type DeliveryRefreshSignal,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';
import { DELIVERY_WEBHOOK_TOPICS } from '../../events/webhookValidators';
import type { ViewCache } from '../view/cache';
import { affectedEntities } from './affectedEntities';
import { githubChange } from './githubChange';
import { invalidationOf } from './invalidation';
import { jenkinsChange } from './jenkinsChange';
import { LiveChange, UnreadableWebhook } from './liveChange';

/** What a handled webhook did (logged; returned for tests). */
export interface LiveUpdateOutcome {
  change?: LiveChange;
  forgotten: string[];
  signalled: string[];
}

function header(params: EventParams, name: string): string | undefined {
  const v = params.metadata?.[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Turns webhook events into fresh views: forgets exactly the cache entries
 * the change made stale, then signals the entities that read them so their
 * open tabs refetch.
 */
export class LiveUpdates {
  constructor(
    private readonly deps: {
      config: DeliveryConfig;
      cache: ViewCache;
      catalog: CatalogService;
      auth: Pick<AuthService, 'getOwnServiceCredentials'>;
      signals: SignalsService;
      logger: LoggerService;
    },
  ) {}

  /** The change an event carries (undefined: nothing we show). */
  private changeOf(params: EventParams): LiveChange | undefined {
    if (params.topic === DELIVERY_WEBHOOK_TOPICS.github)
      return githubChange(
        header(params, 'x-github-event'),
        params.eventPayload,
      );
    if (params.topic === DELIVERY_WEBHOOK_TOPICS.jenkins)
      return jenkinsChange(params.eventPayload);
    return undefined;
  }

  async handle(params: EventParams): Promise<LiveUpdateOutcome> {
    const { config, cache, signals, logger } = this.deps;
    let change: LiveChange | undefined;
    try {
      change = this.changeOf(params);
    } catch (e) {
      if (!(e instanceof UnreadableWebhook)) throw e;
      logger.warn('Delivery webhook ignored', {
        topic: params.topic,
        delivery: header(params, 'x-github-delivery'),
        reason: e.message,
      });
      return { forgotten: [], signalled: [] };
    }
    if (!change) return { forgotten: [], signalled: [] };
    const invalidation = invalidationOf(config, change);
    await cache.forgetAll(invalidation.keys);
    const { refs, artifactKeys } = await affectedEntities(
      invalidation,
      this.deps,
    );
    await cache.forgetAll(artifactKeys);
    const message: DeliveryRefreshSignal = {
      type: 'refresh',
      change: change.kind,
      environments: invalidation.environments,
    };
    await Promise.all(
      refs.map(ref =>
        signals.publish<DeliveryRefreshSignal>({
          recipients: { type: 'broadcast' },
          channel: deliveryEntityChannel(ref),
          message,
        }),
      ),
    );
    logger.info('Delivery webhook applied', {
      topic: params.topic,
      change: change.kind,
      forgotten: invalidation.keys.length + artifactKeys.length,
      entities: refs.length,
    });
    return {
      change,
      forgotten: [...invalidation.keys, ...artifactKeys],
      signalled: refs,
    };
  }
}
