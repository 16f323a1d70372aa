import type { DatabaseService } from '@backstage/backend-plugin-api';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { ClaimKey } from './claimKeys';

/** A recorded claim. */
export interface RecordedClaim extends ClaimKey {
  entityRef: string;
  source: 'first-seen' | 'scaffolder';
}

const migrationsDir = resolvePackagePath(
  '@gitops-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

/**
 * The `delivery_claims` table: the first entity seen claiming each key. Rows
 * are only ever inserted when absent (`onConflict().ignore()`), so a later
 * claimant, on any replica, never replaces the first.
 */
export class ClaimStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<ClaimStore> {
    const db = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await db.migrate.latest({ directory: migrationsDir });
    }
    return new ClaimStore(db);
  }

  async find(keys: ClaimKey[]): Promise<Map<string, RecordedClaim>> {
    const found = new Map<string, RecordedClaim>();
    if (!keys.length) return found;
    const rows: Array<{
      kind: string;
      name: string;
      entity_ref: string;
      source: string;
    }> = await this.db('delivery_claims')
      .where(q => {
        for (const k of keys) q.orWhere({ kind: k.kind, name: k.name });
      })
      .select('kind', 'name', 'entity_ref', 'source');
    for (const r of rows) {
      found.set(`${r.kind}:${r.name}`, {
        kind: r.kind as ClaimKey['kind'],
        name: r.name,
        entityRef: r.entity_ref,
        source: r.source as RecordedClaim['source'],
      });
    }
    return found;
  }

  /** Inserts the claims that have no row yet; existing rows are kept. */
  async recordIfAbsent(claims: RecordedClaim[]): Promise<void> {
    if (!claims.length) return;
    await this.db('delivery_claims')
      .insert(
        claims.map(c => ({
          kind: c.kind,
          name: c.name,
          entity_ref: c.entityRef,
          source: c.source,
        })),
      )
      .onConflict(['kind', 'name'])
      .ignore();
  }
}
