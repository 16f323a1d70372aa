import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { deliveryPermissions } from '@gitops-delivery/backstage-plugin-delivery-common';
import { readDeliveryConfig } from './config';
import { createRouter } from './router';
import { DefaultDeliveryViewService } from './services/view';

/**
 * The delivery backend plugin: the delivery view of catalog entities.
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
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        cache,
        httpAuth,
        httpRouter,
        permissionsRegistry,
        catalog,
      }) {
        const deliveryConfig = readDeliveryConfig(config);
        permissionsRegistry.addPermissions(deliveryPermissions);
        const view = DefaultDeliveryViewService.create({
          config: deliveryConfig,
          logger,
          cache,
        });
        httpRouter.use(await createRouter({ httpAuth, catalog, logger, view }));
        logger.info('Delivery plugin ready', {
          environments: deliveryConfig.environments.map(e => e.name).join(','),
        });
      },
    });
  },
});
