import type {
  DeliveryApi,
  DeliveryEntityRef,
  DeliveryView,
  PromotionPreview,
  PromotionRecord,
  PromotionRequest,
  PromotionResult,
  ResyncResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** Optional answers of the mutating calls; missing ones throw. */
export type FakeDeliveryHandlers = Partial<
  Pick<DeliveryApi, 'previewPromotion' | 'promote' | 'resync'>
>;

/**
 * An in-memory {@link DeliveryApi} for tests and the dev app: answers
 * `getView` with whatever the supplied function returns, the promotion and
 * re-sync calls with the given handlers, and records every call.
 */
export class FakeDeliveryApi implements DeliveryApi {
  readonly viewRequests: DeliveryEntityRef[] = [];
  readonly previewRequests: PromotionRequest[] = [];
  readonly promoteRequests: PromotionRequest[] = [];
  readonly resyncRequests: string[] = [];

  constructor(
    private readonly view: () => Promise<DeliveryView>,
    private readonly handlers: FakeDeliveryHandlers = {},
  ) {}

  getView(entity: DeliveryEntityRef): Promise<DeliveryView> {
    this.viewRequests.push(entity);
    return this.view();
  }

  async listPromotions(): Promise<PromotionRecord[]> {
    return [];
  }

  async previewPromotion(
    entity: DeliveryEntityRef,
    request: PromotionRequest,
  ): Promise<PromotionPreview> {
    this.previewRequests.push(request);
    if (!this.handlers.previewPromotion) {
      throw new Error('FakeDeliveryApi: no previewPromotion handler');
    }
    return this.handlers.previewPromotion(entity, request);
  }

  async promote(
    entity: DeliveryEntityRef,
    request: PromotionRequest,
  ): Promise<PromotionResult> {
    this.promoteRequests.push(request);
    if (!this.handlers.promote) {
      throw new Error('FakeDeliveryApi: no promote handler');
    }
    return this.handlers.promote(entity, request);
  }

  async resync(
    entity: DeliveryEntityRef,
    environment: string,
  ): Promise<ResyncResult> {
    this.resyncRequests.push(environment);
    if (!this.handlers.resync) {
      throw new Error('FakeDeliveryApi: no resync handler');
    }
    return this.handlers.resync(entity, environment);
  }
}
