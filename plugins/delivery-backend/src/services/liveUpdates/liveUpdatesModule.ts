import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { readDeliveryConfig } from '../../config';
import { DELIVERY_WEBHOOK_TOPICS } from '../../events/webhookValidators';
import { ViewCache } from '../view/cache';
import { LiveUpdates } from './LiveUpdates';

/**
 * Module of the delivery plugin: subscribes to the webhook topics of
 * `deliveryWebhooksModule`, forgets what each change made stale in the
 * plugin's cache (the view's) and signals the open tabs. Only wiring.
 * @public
 */
export const deliveryLiveUpdatesModule = createBackendModule({
  pluginId: 'delivery',
  moduleId: 'live-updates',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const live = new LiveUpdates({
          config: readDeliveryConfig(deps.config),
          cache: new ViewCache(deps.cache, deps.logger),
          catalog: deps.catalog,
          auth: deps.auth,
          signals: deps.signals,
          logger: deps.logger,
        });
        await deps.events.subscribe({
          id: 'delivery-live-updates',
          topics: Object.values(DELIVERY_WEBHOOK_TOPICS),
          onEvent: async params => {
            await live.handle(params);
          },
        });
      },
    });
  },
});
