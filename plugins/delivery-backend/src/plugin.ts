import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { deliveryPermissions } from '@gitops-delivery/backstage-plugin-delivery-common';
import { readDeliveryConfig } from './config';
import {
  installSecretRedactor,
  redactingAuditor,
  redactingLogger,
  redactResponses,
  SecretRedactor,
  secretRedactor,
} from './redaction';
import {
  deliveryTargetLoader,
  deliveryTargetPermissionRules,
  deliveryTargetResourceRef,
} from './permissions/deliveryTarget';
import { DatabasePromotionStore } from './database';
import { DatabaseHistoryStore } from './database/history';
import {
  HistoryCollector,
  recordingResync,
  scheduleHistoryCollector,
} from './services/history/collector';
import { summarize } from './services/history/dora';
import { DeliveryNotifier } from './services/notifications';
import { createRouter } from './routes';
import { createPromotionService } from './services/promotion';
import { createResyncService, scheduleSelfHeal } from './services/resync';
import { DefaultDeliveryViewService, viewEtagStore } from './services/view';
import { UpstreamClients } from './upstreams/clients';
import {
  claimDefaults,
  ClaimStore,
  createClaimsService,
  readReleasePins,
} from './services/claims';
import { diagnose } from './services/diagnostics/diagnose';

/**
 * The delivery backend plugin: the delivery view of catalog entities,
 * promotion pull requests (and their preview), re-sync, the optional
 * scheduled self-heal, and the history collector (DORA, the overview and
 * notifications to owners). Only wiring lives here.
 * @public
 */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        database: coreServices.database,
        auditor: coreServices.auditor,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { httpAuth, httpRouter, catalog, permissions } = deps;
        // one choke point for secrets: built from config, installed for the
        // upstream error classifier, wrapped around the logger and auditor
        // every service gets, and applied to every response body
        installSecretRedactor(SecretRedactor.fromConfig(deps.config));
        const logger = redactingLogger(deps.logger, secretRedactor);
        const auditor = redactingAuditor(deps.auditor, secretRedactor);
        httpRouter.use(redactResponses(secretRedactor));
        const config = readDeliveryConfig(deps.config);
        // delivery.promote / delivery.resync are decided per entity and
        // environment, on a resource type of our own (see ./permissions)
        deps.permissionsRegistry.addResourceType({
          resourceRef: deliveryTargetResourceRef,
          permissions: deliveryPermissions,
          rules: deliveryTargetPermissionRules,
          getResources: deliveryTargetLoader({ catalog, auth: deps.auth }),
        });

        const integrations = ScmIntegrations.fromConfig(deps.config);
        // every upstream client, built once and handed to each service
        const clients = new UpstreamClients(config, {
          etags: viewEtagStore(deps.cache, logger),
          integrations,
        });
        const view = DefaultDeliveryViewService.create({
          config,
          logger,
          cache: deps.cache,
          clients,
        });
        const store = await DatabasePromotionStore.create({
          database: deps.database,
          logger,
        });
        const promotions = createPromotionService({
          config,
          integrations,
          clientFor: environment => clients.configRepoFor(environment),
          facts: view,
          store,
          auditor,
          logger,
        });

        const claims = createClaimsService({
          catalog,
          auth: deps.auth,
          store: await ClaimStore.create({ database: deps.database }),
          defaults: claimDefaults(config),
          pins: readReleasePins(deps.config),
          logger,
        });

        // recorded delivery history: the collector writes it, DORA and the
        // overview read it; re-syncs done here are recorded as they happen
        const history = await DatabaseHistoryStore.create({
          database: deps.database,
        });
        const resync = recordingResync(
          createResyncService({
            config,
            auditor,
            logger,
            clients,
            onQueued: environment => view.forgetDeployRuns(environment),
          }),
          { store: history, logger },
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            catalog,
            logger,
            permissions,
            auditor,
            config,
            view,
            promotions,
            resync,
            claims,
            history,
            diagnose: entity => diagnose(entity, { config, view }),
            // the view applies promote/re-sync conditions itself (no apply-conditions round trip)
            deliveryTargetRules: deps.permissionsRegistry.getPermissionRuleset(
              deliveryTargetResourceRef,
            ),
          }),
        );
        const selfHealTasks = await scheduleSelfHeal(
          deps.scheduler,
          config.environments,
          { catalog, auth: deps.auth, view, resync, logger },
        );
        const notifier = new DeliveryNotifier({
          notifications: deps.notifications,
          store: history,
          logger,
        });
        const historyTask = await scheduleHistoryCollector(
          deps.scheduler,
          config.history,
          new HistoryCollector({
            config,
            catalog,
            auth: deps.auth,
            view,
            clients,
            store: history,
            promotions: store,
            notify: (events, owners) => notifier.notify(events, owners),
            summarize,
            logger,
          }),
        );
        logger.info('Delivery plugin ready', {
          selfHeal: selfHealTasks.join(',') || 'off',
          history: historyTask ?? 'off',
          environments: config.environments.map(e => e.name).join(','),
        });
      },
    });
  },
});
