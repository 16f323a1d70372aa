import type { CacheService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import { readDeliveryConfig } from '../../../../config';
import { DatabaseHistoryStore } from '../../../../database/history';
import {
  sandboxAppConfig,
  TestSandbox,
} from '../../../../__testUtils__/sandbox';
import { UpstreamClients } from '../../../../upstreams/clients';
import { DeliveryNotifier } from '../../../notifications';
import { DefaultDeliveryViewService } from '../../../view';
import { HistoryCollector, HistoryCollectorOptions } from '../HistoryCollector';

/** Every event table of the history, its rows in key order (to compare runs). */
export async function eventRows(knex: Knex) {
  const tables: Record<string, string[]> = {
    delivery_history_builds: ['entity_ref', 'build_key'],
    delivery_history_changes: ['entity_ref', 'version', 'sha'],
    delivery_history_pin_changes: ['entity_ref', 'environment', 'config_sha'],
    delivery_history_deploys: ['entity_ref', 'environment', 'number'],
    delivery_history_observations: ['entity_ref', 'environment', 'observed_at'],
    delivery_history_actions: ['entity_ref', 'environment', 'kind', 'at'],
    delivery_history_notifications: ['dedup_key'],
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    out[table] = await knex(table).orderBy(key);
  }
  return out;
}

/** A NotificationService that keeps what it was asked to send (the notifications backend is not ours). */
export function recordingNotifications(): NotificationService & {
  sent: NotificationSendOptions[];
} {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    async send(options) {
      sent.push(options);
    },
  };
}

/** A collector on the sandbox, on a fresh SQLite database. */
export async function sandboxCollector(
  sandbox: TestSandbox,
  databases: TestDatabases,
  options: {
    entities: Entity[];
    history?: JsonObject;
    now?: () => Date;
    overrides?: Partial<HistoryCollectorOptions>;
    knex?: Knex;
    /** The view's cache (default none: every view reads upstream). */
    cache?: CacheService;
  },
) {
  const app = sandboxAppConfig(sandbox.urls);
  (app.delivery as JsonObject).history = {
    backfillDays: 3650,
    ...(options.history ?? {}),
  };
  const config = readDeliveryConfig(new ConfigReader(app));
  const logger = mockServices.logger.mock();
  const clients = new UpstreamClients(config);
  const knex = options.knex ?? (await databases.init('SQLITE_3'));
  const store = await DatabaseHistoryStore.create({
    database: mockServices.database({ knex }),
  });
  const notifications = recordingNotifications();
  const notifier = new DeliveryNotifier({ notifications, store, logger });
  const collector = new HistoryCollector({
    config,
    catalog: catalogServiceMock({ entities: options.entities }),
    auth: mockServices.auth(),
    view: DefaultDeliveryViewService.create({
      config,
      logger,
      clients,
      cache: options.cache,
    }),
    clients,
    store,
    notify: (events, owners) => notifier.notify(events, owners),
    logger,
    now: options.now,
    ...options.overrides,
  });
  return { collector, store, knex, notifications, config };
}
