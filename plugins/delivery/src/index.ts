/**
 * The delivery frontend plugin: the entity page "Delivery" tab (with its
 * "Delivery performance" section) and the organisation overview page.
 *
 * Legacy frontend system exports; the new frontend system plugin is the
 * default export of `@gitops-delivery/backstage-plugin-delivery/alpha`.
 *
 * @packageDocumentation
 */

export {
  deliveryPlugin,
  DeliveryOverviewPage,
  EntityDeliveryContent,
} from './plugin';
export { rootRouteRef } from './routes';
export type { DeliveryContentProps } from './components/DeliveryContent';
export { deliveryApiRef } from './api';
export { isDeliveryAvailable } from '@gitops-delivery/backstage-plugin-delivery-common';
export type { DeliveryApi } from '@gitops-delivery/backstage-plugin-delivery-common';
