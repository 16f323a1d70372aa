import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { deliveryApiFactory } from './api';
import type { DeliveryContentProps } from './components/DeliveryContent';
import { rootRouteRef } from './routes';

/**
 * The delivery plugin for the legacy frontend system.
 * @public
 */
export const deliveryPlugin = createPlugin({
  id: 'delivery',
  apis: [deliveryApiFactory],
  routes: { root: rootRouteRef },
});

/**
 * The entity page "Delivery" tab content for the legacy frontend system; use
 * it in an `EntityLayout.Route` with `if={isDeliveryAvailable}`.
 * @public
 */
export const EntityDeliveryContent: (
  props: DeliveryContentProps,
) => JSX.Element = deliveryPlugin.provide(
  createComponentExtension({
    name: 'EntityDeliveryContent',
    component: {
      lazy: () =>
        import('./components/DeliveryContent').then(m => m.DeliveryContent),
    },
  }),
);

/**
 * The organisation overview page for the legacy frontend system: every
 * service with delivery annotations by environment, with filters. Mount it
 * on a route of the app, e.g. `<Route path="/delivery" element={<DeliveryOverviewPage />} />`.
 * @public
 */
export const DeliveryOverviewPage: () => JSX.Element = deliveryPlugin.provide(
  createRoutableExtension({
    name: 'DeliveryOverviewPage',
    component: () =>
      import('./components/DeliveryOverview').then(m => m.DeliveryOverviewPage),
    mountPoint: rootRouteRef,
  }),
);
