import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { readWebhookConfig } from './webhookConfig';
import {
  DELIVERY_WEBHOOK_TOPICS,
  githubWebhookValidator,
  jenkinsWebhookValidator,
} from './webhookValidators';

/**
 * Module of the events backend: the HTTP ingresses of delivery's webhooks,
 * `POST /api/events/http/delivery.github` (GitHub `push` / `pull_request`,
 * signed) and `POST /api/events/http/delivery.jenkins` (Jenkins run
 * notifications, shared token). A topic without a configured secret is not
 * served. Only wiring lives here.
 * @public
 */
export const deliveryWebhooksModule = createBackendModule({
  pluginId: 'events',
  moduleId: 'delivery-webhooks',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        events: eventsExtensionPoint,
      },
      async init({ config, auditor, logger, events }) {
        const webhooks = readWebhookConfig(config);
        if (webhooks.githubSecret) {
          events.addHttpPostIngress({
            topic: DELIVERY_WEBHOOK_TOPICS.github,
            validator: githubWebhookValidator(webhooks.githubSecret, auditor),
          });
        }
        if (webhooks.jenkinsToken) {
          events.addHttpPostIngress({
            topic: DELIVERY_WEBHOOK_TOPICS.jenkins,
            validator: jenkinsWebhookValidator(webhooks.jenkinsToken, auditor),
          });
        }
        logger.info('Delivery webhooks', {
          github: webhooks.githubSecret ? 'on' : 'off',
          jenkins: webhooks.jenkinsToken ? 'on' : 'off',
        });
      },
    });
  },
});
