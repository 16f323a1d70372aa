import {
  createComponentExtension,
  createPlugin,
} from '@backstage/core-plugin-api';
import type { JSX } from 'react';
import { deliveryApiFactory } from './api';
import type { DeliveryContentProps } from './components/DeliveryContent';

/**
 * The delivery plugin for the legacy frontend system.
 * @public
 */
export const deliveryPlugin = createPlugin({
  id: 'delivery',
  apis: [deliveryApiFactory],
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
