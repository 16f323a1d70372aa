import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  ClaimConflict,
  DeliveryClaims,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  CLAIM_ANNOTATIONS,
  type ClaimDefaults,
  type ClaimKey,
  claimKeysOf,
  keyId,
} from './claimKeys';
import type { ClaimStore, RecordedClaim } from './ClaimStore';

/**
 * Who owns each release, image, chart and code job. Claims come from the
 * catalog (every entity with a delivery annotation, read with the plugin's
 * own credentials, cached briefly); the owner of a claim is
 * 1. the entity pinned in app-config (`delivery.releases.<release>.entity`;
 *    the pinned entity also owns the image, chart and code job it names),
 * 2. else the first entity the plugin saw claiming it alone (recorded in the
 *    `delivery_claims` table, never replaced), or the entity the scaffolder
 *    created it for.
 * A claim shared with another entity is contested: without a pin, every
 * claimant is refused (409) until an admin pins it; a claim owned by another
 * entity is refused even when that entity is gone from the catalog, so a
 * newer entity never takes over an existing release.
 */
export interface ClaimsService {
  /** The contested claims of the entity (empty `conflicts`: none). */
  check(entity: Entity): Promise<DeliveryClaims>;
  /**
   * Records the claims of a service the scaffolder creates (before its entity
   * is in the catalog). 409 when another entity owns or claims one of them.
   */
  recordCreated(entityRef: string, keys: ClaimKey[]): Promise<void>;
}

/** Options of {@link createClaimsService}. */
export interface ClaimsServiceOptions {
  catalog: CatalogService;
  auth: AuthService;
  store: ClaimStore;
  defaults: ClaimDefaults;
  /** `delivery.releases.<release>.entity`, release name lower-cased -> entity ref. */
  pins: ReadonlyMap<string, string>;
  logger: LoggerService;
  /** How long one catalog scan is reused (default 10 s). */
  cacheMs?: number;
}

type Scan = Map<string, Set<string>>;

const KIND_LABEL: Record<ClaimKey['kind'], string> = {
  release: 'Release',
  image: 'Image',
  chart: 'Chart',
  'code-job': 'Code job',
};

/** Creates the {@link ClaimsService}. */
export function createClaimsService(
  options: ClaimsServiceOptions,
): ClaimsService {
  const { catalog, auth, store, defaults, pins, logger } = options;
  const cacheMs = options.cacheMs ?? 10_000;
  const pinnedEntities = new Set(pins.values());
  let cached: { at: number; scan: Promise<Scan> } | undefined;

  async function readScan(): Promise<Scan> {
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: Object.values(CLAIM_ANNOTATIONS).map(a => ({
          [`metadata.annotations.${a}`]: CATALOG_FILTER_EXISTS,
        })),
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    const scan: Scan = new Map();
    for (const e of items) {
      const ref = stringifyEntityRef(e);
      for (const k of claimKeysOf(e, defaults)) {
        const id = keyId(k);
        if (!scan.has(id)) scan.set(id, new Set());
        scan.get(id)!.add(ref);
      }
    }
    // first seen: a claim with a single claimant and no row becomes theirs
    const single: RecordedClaim[] = [];
    for (const [id, refs] of scan) {
      if (refs.size !== 1) continue;
      const colon = id.indexOf(':');
      single.push({
        kind: id.slice(0, colon) as ClaimKey['kind'],
        name: id.slice(colon + 1),
        entityRef: [...refs][0],
        source: 'first-seen',
      });
    }
    for (let i = 0; i < single.length; i += 100) {
      await store.recordIfAbsent(single.slice(i, i + 100));
    }
    return scan;
  }

  function scanCached(): Promise<Scan> {
    if (!cached || Date.now() - cached.at > cacheMs) {
      const scan = readScan();
      cached = { at: Date.now(), scan };
      scan.catch(() => {
        if (cached?.scan === scan) cached = undefined;
      });
    }
    return cached.scan;
  }

  function pinHolder(
    key: ClaimKey,
    claimants: Set<string>,
  ): string | undefined {
    if (key.kind === 'release') return pins.get(key.name);
    const pinned = [...claimants].filter(c => pinnedEntities.has(c));
    return pinned.length === 1 ? pinned[0] : undefined;
  }

  function message(
    key: ClaimKey,
    self: string,
    c: Omit<ClaimConflict, 'message'>,
    release: string,
  ): string {
    const what = `${KIND_LABEL[key.kind]} ${key.name}`;
    const others = c.others.join(', ');
    const pinKey = `delivery.releases.${release}.entity`;
    if (c.holder === self && c.decidedBy === 'pin') {
      return `${what} is pinned to this entity in app-config (${pinKey}); ${others} also claim${
        c.others.length === 1 ? 's' : ''
      } it and ${c.others.length === 1 ? 'is' : 'are'} refused.`;
    }
    if (c.holder && c.holder !== self) {
      const how =
        c.decidedBy === 'pin'
          ? `pinned in app-config (${pinKey})`
          : `claimed first`;
      const also = c.others.filter(o => o !== c.holder);
      return `${what} belongs to ${c.holder} (${how})${
        also.length ? `; also claimed by ${also.join(', ')}` : ''
      }. Delivery refuses to act on it or read it for this entity; an admin can pin it in app-config (${pinKey}).`;
    }
    const first = c.holder === self ? ' This entity claimed it first, but' : '';
    return `${what} is also claimed by ${others}.${first}${
      first ? ' a' : ' A'
    }ctions on it are refused until an admin pins it in app-config (${pinKey}: <entity ref>).`;
  }

  return {
    async check(entity) {
      const self = stringifyEntityRef(entity);
      const keys = claimKeysOf(entity, defaults);
      if (!keys.length) return { contested: false, conflicts: [] };
      const scan = await scanCached();
      const recorded = await store.find(keys);
      const release = keys.find(k => k.kind === 'release')?.name ?? '<release>';
      const conflicts: ClaimConflict[] = [];
      const mine: RecordedClaim[] = [];
      for (const key of keys) {
        const claimants = new Set(scan.get(keyId(key)) ?? []);
        claimants.add(self);
        const others = [...claimants].filter(c => c !== self).sort();
        // Aliases of one chart (two releases, each pinned in app-config to its
        // own entity) share the image, chart and code job: the admin vouched
        // for every claimant.
        if (
          key.kind !== 'release' &&
          [...claimants].every(c => pinnedEntities.has(c))
        )
          continue;
        const pinned = pinHolder(key, claimants);
        const rec = recorded.get(keyId(key));
        let holder: string | undefined;
        let decidedBy: ClaimConflict['decidedBy'];
        if (pinned) {
          holder = pinned;
          decidedBy = 'pin';
        } else if (rec) {
          holder = rec.entityRef;
          decidedBy = rec.source;
        } else if (!others.length) {
          holder = self;
          decidedBy = 'first-seen';
          mine.push({ ...key, entityRef: self, source: 'first-seen' });
        }
        if (holder === self && !others.length) continue;
        const refused = !(holder === self && decidedBy === 'pin');
        const c = {
          kind: key.kind,
          name: key.name,
          holder,
          decidedBy,
          others,
          refused,
        };
        conflicts.push({ ...c, message: message(key, self, c, release) });
      }
      await store.recordIfAbsent(mine);
      if (conflicts.length) {
        logger.info('Contested delivery claims', {
          entityRef: self,
          claims: conflicts.map(c => `${c.kind}:${c.name}`).join(','),
        });
      }
      return { contested: conflicts.some(c => c.refused), conflicts };
    },

    async recordCreated(entityRef, keys) {
      const scan = await readScan();
      const recorded = await store.find(keys);
      for (const key of keys) {
        const claimants = [...(scan.get(keyId(key)) ?? [])].filter(
          c => c !== entityRef,
        );
        const owner =
          pinHolder(key, new Set(claimants)) ??
          recorded.get(keyId(key))?.entityRef;
        if ((owner && owner !== entityRef) || claimants.length) {
          throw new ConflictError(
            `${KIND_LABEL[key.kind]} ${key.name} already belongs to ${
              owner ?? claimants.join(', ')
            }`,
          );
        }
      }
      await store.recordIfAbsent(
        keys.map(k => ({ ...k, entityRef, source: 'scaffolder' as const })),
      );
      cached = undefined;
    },
  };
}

/**
 * The entity with the annotations of its refused claims removed, so the view
 * reads nothing through a copied annotation (a refused release also drops the
 * chart, the release's default).
 */
export function withoutRefusedClaims(
  entity: Entity,
  claims: DeliveryClaims,
): Entity {
  const refused = claims.conflicts.filter(c => c.refused);
  if (!refused.length) return entity;
  const annotations = { ...entity.metadata.annotations };
  for (const c of refused) {
    delete annotations[CLAIM_ANNOTATIONS[c.kind]];
    if (c.kind === 'release') delete annotations[CLAIM_ANNOTATIONS.chart];
  }
  return { ...entity, metadata: { ...entity.metadata, annotations } };
}
