import type { Entity } from '@backstage/catalog-model';
import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';

/** Builds the delivery view of a catalog entity. @public */
export interface DeliveryViewService {
  /** The entity must already have been read as the caller. */
  getView(entity: Entity): Promise<DeliveryView>;
}
