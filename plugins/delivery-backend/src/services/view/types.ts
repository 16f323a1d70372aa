import type { Entity } from '@backstage/catalog-model';
import type {
  CodeBuildsPage,
  DeliveryView,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** Builds the delivery view of a catalog entity. @public */
export interface DeliveryViewService {
  /** The entity must already have been read as the caller. */
  getView(entity: Entity): Promise<DeliveryView>;
  /**
   * A page of the entity's code-job builds, newest first, joined as in the
   * view (the entity must already have been read as the caller).
   */
  getBuildsPage(
    entity: Entity,
    page: { offset: number; limit: number },
  ): Promise<CodeBuildsPage>;
}
