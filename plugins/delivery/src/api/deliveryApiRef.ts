import { createApiRef } from '@backstage/frontend-plugin-api';
import type { DeliveryApi } from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * The delivery backend client, as a Backstage utility API.
 * @public
 */
export const deliveryApiRef = createApiRef<DeliveryApi>().with({
  id: 'plugin.delivery.api',
  pluginId: 'delivery',
});
