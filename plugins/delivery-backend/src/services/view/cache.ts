import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { EtagStore } from '../../upstreams/github/GitHubReader';

/**
 * What every ViewCache over one cache service shares (the view's and the
 * live updates'): loads in progress, and how often each key was forgotten,
 * so a load that started before a forget does not write its older value
 * back after it.
 */
interface SharedLoads {
  inflight: Map<string, Promise<unknown>>;
  forgets: Map<string, number>;
}
const sharedByCache = new WeakMap<CacheService, SharedLoads>();

function sharedLoads(cache: CacheService | undefined): SharedLoads {
  const fresh = () => ({ inflight: new Map(), forgets: new Map() });
  if (!cache) return fresh();
  let shared = sharedByCache.get(cache);
  if (!shared) {
    shared = fresh();
    sharedByCache.set(cache, shared);
  }
  return shared;
}

/**
 * The view's cache: reads through Backstage's cache service with short TTLs.
 * Keys describe the upstream resource (not the entity), so entities reading
 * the same config repo, deploy job or namespace share entries. If the cache
 * backend fails, everything still works uncached.
 */
export class ViewCache {
  private warned = false;
  /** Loads in progress, so concurrent views of one resource share a request. */
  private readonly inflight: Map<string, Promise<unknown>>;
  private readonly forgets: Map<string, number>;

  constructor(
    private readonly cache: CacheService | undefined,
    private readonly logger: LoggerService,
  ) {
    ({ inflight: this.inflight, forgets: this.forgets } = sharedLoads(cache));
  }

  /** `T` must be plain JSON data (optional fields allowed). */
  async getOrLoad<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
  ): Promise<T> {
    const running = this.inflight.get(key);
    if (running) return running as Promise<T>;
    const promise = this.read(key, ttlMs, load).finally(() => {
      if (this.inflight.get(key) === promise) this.inflight.delete(key);
    });
    this.inflight.set(key, promise);
    return promise;
  }

  private async read<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
  ): Promise<T> {
    if (!this.cache || ttlMs <= 0) return load();
    const forgets = this.forgets.get(key);
    const hit = await this.safe(() => this.cache!.get<JsonValue>(key));
    if (hit !== undefined) return hit as unknown as T;
    const value = await load();
    // forgotten while loading: the value may predate the change; not kept
    if (this.forgets.get(key) !== forgets) return value;
    await this.safe(() =>
      this.cache!.set(key, JSON.parse(JSON.stringify(value ?? null)), {
        ttl: ttlMs,
      }),
    );
    return value;
  }

  /** ETags and the bodies they validate, kept for a day. */
  etagStore(): EtagStore {
    const ttl = 24 * 3600 * 1000;
    return {
      get: async key => {
        if (!this.cache) return undefined;
        const v = await this.safe(() =>
          this.cache!.get<{ etag: string; data: JsonValue }>(`etag:${key}`),
        );
        return v ?? undefined;
      },
      set: async (key, value) => {
        if (!this.cache) return;
        await this.safe(() =>
          this.cache!.set(
            `etag:${key}`,
            value as { etag: string; data: JsonValue },
            { ttl },
          ),
        );
      },
    };
  }

  /** Drops a cached entry (e.g. deploy runs after a re-sync queued one). */
  async forget(key: string): Promise<void> {
    this.inflight.delete(key);
    this.forgets.set(key, (this.forgets.get(key) ?? 0) + 1);
    if (this.cache) await this.safe(() => this.cache!.delete(key));
  }

  /** Drops the entries a webhook said changed (live updates). */
  async forgetAll(keys: readonly string[]): Promise<void> {
    await Promise.all([...new Set(keys)].map(key => this.forget(key)));
  }

  private async safe<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (!this.warned) {
        this.warned = true;
        this.logger.warn('Delivery cache unavailable; working uncached', {
          error: (e as Error).message,
        });
      }
      return undefined;
    }
  }
}

/**
 * The GitHub ETag store kept in Backstage's cache service (what the view's
 * own clients use), for building the shared `UpstreamClients`.
 */
export function viewEtagStore(
  cache: CacheService | undefined,
  logger: LoggerService,
): EtagStore {
  return new ViewCache(cache, logger).etagStore();
}
