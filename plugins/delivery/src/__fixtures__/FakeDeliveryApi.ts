import type {
  CodeBuildsPage,
  DeliveryApi,
  DeliveryDiagnostics,
  DeliveryEntityRef,
  DeliveryOverview,
  DeliveryPerformance,
  DeliveryView,
  OverviewQuery,
  PromotionPreview,
  PromotionRecord,
  PromotionRequest,
  PromotionResult,
  ResyncResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';

import { answerOverview } from './overview';
import { xposerDiagnostics } from './xposerDiagnostics';
import { xposerPerformance } from './xposerPerformance';

/**
 * Optional answers: missing mutating calls throw; a missing `getDiagnostics`
 * answers with {@link xposerDiagnostics}, a missing `getPerformance` with
 * {@link xposerPerformance} for the asked period, a missing `getOverview`
 * with the twelve services of {@link answerOverview}, filtered and paged,
 * a missing `getBuilds` with an empty last page.
 */
export type FakeDeliveryHandlers = Partial<
  Pick<
    DeliveryApi,
    | 'previewPromotion'
    | 'promote'
    | 'resync'
    | 'getDiagnostics'
    | 'getPerformance'
    | 'getOverview'
    | 'getBuilds'
  >
>;

/**
 * An in-memory {@link DeliveryApi} for tests and the dev app: answers
 * `getView` with whatever the supplied function returns, diagnostics,
 * promotion and re-sync calls with the given handlers, and records every call.
 */
export class FakeDeliveryApi implements DeliveryApi {
  readonly viewRequests: DeliveryEntityRef[] = [];
  readonly diagnosticsRequests: DeliveryEntityRef[] = [];
  readonly previewRequests: PromotionRequest[] = [];
  readonly promoteRequests: PromotionRequest[] = [];
  readonly resyncRequests: string[] = [];
  readonly performanceRequests: {
    entity: DeliveryEntityRef;
    days?: number;
    environment?: string;
  }[] = [];
  readonly overviewRequests: OverviewQuery[] = [];
  readonly buildsRequests: { offset?: number; limit?: number }[] = [];

  constructor(
    private readonly view: (entity: DeliveryEntityRef) => Promise<DeliveryView>,
    private readonly handlers: FakeDeliveryHandlers = {},
  ) {}

  getView(entity: DeliveryEntityRef): Promise<DeliveryView> {
    this.viewRequests.push(entity);
    return this.view(entity);
  }

  async getBuilds(
    entity: DeliveryEntityRef,
    page: { offset?: number; limit?: number } = {},
  ): Promise<CodeBuildsPage> {
    this.buildsRequests.push(page);
    if (this.handlers.getBuilds) return this.handlers.getBuilds(entity, page);
    return {
      offset: page.offset ?? 0,
      limit: page.limit ?? 50,
      builds: [],
      hasMore: false,
    };
  }

  async getDiagnostics(
    entity: DeliveryEntityRef,
  ): Promise<DeliveryDiagnostics> {
    this.diagnosticsRequests.push(entity);
    if (!this.handlers.getDiagnostics) return xposerDiagnostics;
    return this.handlers.getDiagnostics(entity);
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

  async getPerformance(
    entity: DeliveryEntityRef,
    options: { days?: number; environment?: string } = {},
  ): Promise<DeliveryPerformance> {
    this.performanceRequests.push({ entity, ...options });
    if (!this.handlers.getPerformance) return xposerPerformance(options.days);
    return this.handlers.getPerformance(entity, options);
  }

  async getOverview(query: OverviewQuery = {}): Promise<DeliveryOverview> {
    this.overviewRequests.push(query);
    if (!this.handlers.getOverview) return answerOverview(query);
    return this.handlers.getOverview(query);
  }
}
