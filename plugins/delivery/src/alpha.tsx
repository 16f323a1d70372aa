import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDeliveryAvailable } from '@gitops-delivery/backstage-plugin-delivery-common';
import LocalShippingIcon from '@material-ui/icons/LocalShipping';
import { deliveryApiFactory } from './api';
import { rootRouteRef } from './routes';

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
 * The organisation overview page at `/delivery`. Its title and icon make it
 * the "Delivery" item of the app's navigation (nav items are derived from
 * pages; `NavItemBlueprint` was removed from frontend-plugin-api 1.0).
 * @alpha
 */
export const deliveryOverviewPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: <LocalShippingIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/DeliveryOverview').then(m => <m.DeliveryOverview />),
  },
});

/**
 * The delivery plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'delivery',
  info: { packageJson: () => import('../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [deliveryApi, deliveryEntityContent, deliveryOverviewPage],
});
