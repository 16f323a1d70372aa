import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Refs asked of the catalog per request (its by-refs body stays small). */
const BATCH = 500;

interface Entry {
  expiresAt: number;
  /** entity ref -> whether this principal may read it */
  readable: Map<string, boolean>;
}

/**
 * Which entity refs a caller may read, decided by the catalog itself: one
 * `getEntitiesByRefs` as the caller (the catalog applies its read
 * permission; an entity they may not see, or no longer in the catalog,
 * comes back empty) per 500 refs not yet known, fields trimmed to the ref.
 * Answers are kept per principal for `ttlMs` (default 30 s), for at most
 * `maxPrincipals` principals (the oldest entry is dropped first).
 */
export class CatalogReadFilter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly options: { ttlMs?: number; maxPrincipals?: number } = {},
  ) {}

  /** The subset of `refs` the caller may read. */
  async readable(
    refs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const entry = this.entryOf(credentials);
    const unknown = refs.filter(r => !entry.readable.has(r));
    for (let i = 0; i < unknown.length; i += BATCH) {
      const batch = unknown.slice(i, i + BATCH);
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: batch,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      batch.forEach((ref, j) => entry.readable.set(ref, !!items[j]));
    }
    return new Set(refs.filter(r => entry.readable.get(r)));
  }

  private entryOf(credentials: BackstageCredentials): Entry {
    const key = principalKey(credentials);
    const now = Date.now();
    const known = this.entries.get(key);
    if (known && known.expiresAt > now) return known;
    this.entries.delete(key);
    const max = this.options.maxPrincipals ?? 1000;
    while (this.entries.size >= max) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    const entry: Entry = {
      expiresAt: now + (this.options.ttlMs ?? 30_000),
      readable: new Map(),
    };
    this.entries.set(key, entry);
    return entry;
  }
}

function principalKey(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (p.type === 'user') return `user:${p.userEntityRef}`;
  if (p.type === 'service') return `service:${p.subject}`;
  return p.type;
}
