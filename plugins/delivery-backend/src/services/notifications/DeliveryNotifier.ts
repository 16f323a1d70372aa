import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { HistoryStore } from '../../database/history';
import type { DeliveryEvent } from './deliveryEvents';

/**
 * Sends delivery events to the owners of each entity through Backstage's
 * notifications framework, once per event key: a key recorded as sent is
 * never sent again (the collector runs on one replica at a time). A send
 * that fails is logged and retried by the next run.
 */
export class DeliveryNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      store: Pick<HistoryStore, 'wasNotified' | 'markNotified'>;
      logger: LoggerService;
    },
  ) {}

  /** Sends each event not sent before to `owners(entityRef)`; returns how many were sent. */
  async notify(
    events: DeliveryEvent[],
    owners: (entityRef: string) => string[],
  ): Promise<number> {
    const { notifications, store, logger } = this.deps;
    let sent = 0;
    for (const event of events) {
      if (await store.wasNotified(event.key)) continue;
      const recipients = owners(event.entityRef);
      if (!recipients.length) {
        logger.debug('Delivery notification has no owner to go to', {
          key: event.key,
        });
        continue;
      }
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: recipients },
          payload: {
            title: event.title,
            description: event.description,
            link: event.link,
            severity: event.severity,
            topic: `delivery:${event.kind}`,
            scope: event.key,
          },
        });
      } catch (e) {
        logger.warn('Delivery notification not sent', {
          key: event.key,
          error: String(e),
        });
        continue;
      }
      await store.markNotified(event.key, event.entityRef, event.kind);
      sent++;
    }
    return sent;
  }
}
