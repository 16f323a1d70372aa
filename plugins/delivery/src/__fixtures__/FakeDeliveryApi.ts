import type {
  DeliveryApi,
  DeliveryEntityRef,
  DeliveryView,
  PromotionPreview,
  PromotionRecord,
  PromotionResult,
  ResyncResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * An in-memory {@link DeliveryApi} for tests and the dev app: answers
 * `getView` with whatever the supplied function returns and records calls.
 */
export class FakeDeliveryApi implements DeliveryApi {
  readonly viewRequests: DeliveryEntityRef[] = [];

  constructor(private readonly view: () => Promise<DeliveryView>) {}

  getView(entity: DeliveryEntityRef): Promise<DeliveryView> {
    this.viewRequests.push(entity);
    return this.view();
  }

  async listPromotions(): Promise<PromotionRecord[]> {
    return [];
  }

  async previewPromotion(): Promise<PromotionPreview> {
    throw new Error(
      'FakeDeliveryApi: previewPromotion is not part of this fake',
    );
  }

  async promote(): Promise<PromotionResult> {
    throw new Error('FakeDeliveryApi: promote is not part of this fake');
  }

  async resync(): Promise<ResyncResult> {
    throw new Error('FakeDeliveryApi: resync is not part of this fake');
  }
}
