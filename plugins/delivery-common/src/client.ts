import { ResponseError } from '@backstage/errors';
import type { CodeBuildsPage, DeliveryView } from './view';
import type { DeliveryDiagnostics } from './diagnostics';
import type {
  DeliveryOverview,
  DeliveryPerformance,
  OverviewQuery,
} from './history';
import type {
  PromotionPreview,
  PromotionRecord,
  PromotionRequest,
  PromotionResult,
  ResyncResult,
} from './promotion';

/** The parts of an entity ref the API paths use. @public */
export interface DeliveryEntityRef {
  namespace: string;
  kind: string;
  name: string;
}

/** The delivery backend API. @public */
export interface DeliveryApi {
  getView(entity: DeliveryEntityRef): Promise<DeliveryView>;
  /** A page of the code job's builds, newest first (older than the view's with an `offset`). */
  getBuilds(
    entity: DeliveryEntityRef,
    page?: { offset?: number; limit?: number },
  ): Promise<CodeBuildsPage>;
  /** The delivery doctor: every source and join checked, with fixes. */
  getDiagnostics(entity: DeliveryEntityRef): Promise<DeliveryDiagnostics>;
  listPromotions(entity: DeliveryEntityRef): Promise<PromotionRecord[]>;
  previewPromotion(
    entity: DeliveryEntityRef,
    request: PromotionRequest,
  ): Promise<PromotionPreview>;
  promote(
    entity: DeliveryEntityRef,
    request: PromotionRequest,
  ): Promise<PromotionResult>;
  resync(entity: DeliveryEntityRef, environment: string): Promise<ResyncResult>;
  /** The four DORA keys of one entity, from recorded history. */
  getPerformance(
    entity: DeliveryEntityRef,
    options?: { days?: number; environment?: string },
  ): Promise<DeliveryPerformance>;
  /** Every entity with delivery annotations, from recorded snapshots. */
  getOverview(query?: OverviewQuery): Promise<DeliveryOverview>;
}

/** Structural subset of Backstage's DiscoveryApi (works in browser and node). @public */
export interface DeliveryDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** Structural subset of Backstage's FetchApi. @public */
export interface DeliveryFetch {
  fetch: typeof fetch;
}

/**
 * Typed client for the delivery backend; talks only through the discovery
 * and fetch APIs (which add the user's credentials).
 * @public
 */
export class DeliveryClient implements DeliveryApi {
  private readonly discoveryApi: DeliveryDiscovery;
  private readonly fetchApi: DeliveryFetch;

  constructor(options: {
    discoveryApi: DeliveryDiscovery;
    fetchApi: DeliveryFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getView(entity: DeliveryEntityRef): Promise<DeliveryView> {
    return this.request<DeliveryView>(entityPath(entity));
  }

  getBuilds(
    entity: DeliveryEntityRef,
    page: { offset?: number; limit?: number } = {},
  ): Promise<CodeBuildsPage> {
    const params = new URLSearchParams();
    if (page.offset !== undefined) params.set('offset', String(page.offset));
    if (page.limit !== undefined) params.set('limit', String(page.limit));
    const qs = params.toString();
    return this.request<CodeBuildsPage>(
      `${entityPath(entity)}/builds${qs ? `?${qs}` : ''}`,
    );
  }

  getDiagnostics(entity: DeliveryEntityRef): Promise<DeliveryDiagnostics> {
    return this.request<DeliveryDiagnostics>(
      `${entityPath(entity)}/diagnostics`,
    );
  }

  listPromotions(entity: DeliveryEntityRef): Promise<PromotionRecord[]> {
    return this.request<{ items: PromotionRecord[] }>(
      `${entityPath(entity)}/promotions`,
    ).then(r => r.items);
  }

  previewPromotion(
    entity: DeliveryEntityRef,
    request: PromotionRequest,
  ): Promise<PromotionPreview> {
    return this.request<PromotionPreview>(
      `${entityPath(entity)}/promotions/preview`,
      { method: 'POST', body: JSON.stringify(request) },
    );
  }

  promote(
    entity: DeliveryEntityRef,
    request: PromotionRequest,
  ): Promise<PromotionResult> {
    return this.request<PromotionResult>(`${entityPath(entity)}/promotions`, {
      method: 'POST',
      body: JSON.stringify(request),
    });
  }

  resync(
    entity: DeliveryEntityRef,
    environment: string,
  ): Promise<ResyncResult> {
    return this.request<ResyncResult>(`${entityPath(entity)}/resync`, {
      method: 'POST',
      body: JSON.stringify({ environment }),
    });
  }

  getPerformance(
    entity: DeliveryEntityRef,
    options: { days?: number; environment?: string } = {},
  ): Promise<DeliveryPerformance> {
    const params = new URLSearchParams();
    if (options.days !== undefined) params.set('days', String(options.days));
    if (options.environment) params.set('environment', options.environment);
    const qs = params.toString();
    return this.request<DeliveryPerformance>(
      `${entityPath(entity)}/performance${qs ? `?${qs}` : ''}`,
    );
  }

  getOverview(query: OverviewQuery = {}): Promise<DeliveryOverview> {
    const params = new URLSearchParams();
    if (query.owner) params.set('owner', query.owner);
    if (query.system) params.set('system', query.system);
    for (const status of query.status ?? []) params.append('status', status);
    if (query.notInSync) params.set('notInSync', 'true');
    if (query.search) params.set('search', query.search);
    if (query.offset !== undefined) params.set('offset', String(query.offset));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const qs = params.toString();
    return this.request<DeliveryOverview>(`/overview${qs ? `?${qs}` : ''}`);
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('delivery');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
        ...init?.headers,
      },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function entityPath(entity: DeliveryEntityRef): string {
  return `/entities/${encodeURIComponent(
    entity.namespace,
  )}/${encodeURIComponent(entity.kind)}/${encodeURIComponent(entity.name)}`;
}
