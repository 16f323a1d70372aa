import {
  ApiBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDeliveryAvailable } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiFactory } from './api';

/**
 * The delivery client (`deliveryApiRef`) for the new frontend system.
 * @alpha
 */
export const deliveryApi = ApiBlueprint.make({
  params: defineParams => defineParams(deliveryApiFactory),
});

/**
 * The entity page "Delivery" tab, shown for entities with delivery annotations.
 * @alpha
 */
export const deliveryEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'delivery',
    title: 'Delivery',
    filter: isDeliveryAvailable,
    loader: () =>
      import('./components/DeliveryContent').then(m => <m.DeliveryContent />),
  },
});

/**
 * The delivery plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'delivery',
  info: { packageJson: () => import('../package.json') },
  extensions: [deliveryApi, deliveryEntityContent],
});
