import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DeliveryClient } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from './deliveryApiRef';

/**
 * Builds the {@link DeliveryClient} from the discovery and fetch APIs, so every
 * request carries the signed-in user's credentials. Shared by the legacy
 * plugin and the new frontend system's `ApiBlueprint`.
 */
export const deliveryApiFactory = createApiFactory({
  api: deliveryApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new DeliveryClient({ discoveryApi, fetchApi }),
});
