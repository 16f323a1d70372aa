import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type {
  EntityHistory,
  EntitySnapshot,
  RecordedAction,
  RecordedBuild,
  RecordedChange,
  RecordedDeploy,
  RecordedObservation,
  RecordedPinChange,
} from '../../services/history/types';
import type { HistoryStore, RetentionResult } from './HistoryStore';
import {
  actionRow,
  buildRow,
  changeRow,
  deployRow,
  iso,
  observationRow,
  pinChangeRow,
  snapshotRow,
  T,
  toAction,
  toBuild,
  toChange,
  toDeploy,
  toObservation,
  toPinChange,
  toSnapshot,
} from './rows';

const migrationsDir = resolvePackagePath(
  '@gitops-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

/** Rows per multi-row insert (SQLite allows 999 bound parameters). */
const CHUNK = 50;

/** The time column of each event table, for windows and retention. */
const TIME_COLUMN: Record<string, string> = {
  [T.builds]: 'started_at',
  [T.changes]: 'committed_at',
  [T.pinChanges]: 'committed_at',
  [T.deploys]: 'started_at',
  [T.observations]: 'observed_at',
  [T.actions]: 'at',
};

/** `v1.2.3` and `1.2.3` name the same version. */
function spellings(versions: Iterable<string | undefined>): string[] {
  const out = new Set<string>();
  for (const v of versions) {
    if (!v) continue;
    const bare = v.replace(/^v/, '');
    out.add(bare).add(`v${bare}`);
  }
  return [...out];
}

/**
 * {@link HistoryStore} on the plugin's database (SQLite in dev, PostgreSQL in
 * production): upserts on natural keys (`onConflict().merge()`), so the
 * collector can run any number of times over the same events.
 */
export class DatabaseHistoryStore implements HistoryStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseHistoryStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseHistoryStore(client);
  }

  private constructor(private readonly db: Knex) {}

  private async upsert(
    table: string,
    key: string[],
    rows: Record<string, unknown>[],
  ): Promise<void> {
    // one row per key (the last wins): PostgreSQL refuses a statement that
    // would update the same row twice
    const unique = [
      ...new Map(
        rows.map(r => [JSON.stringify(key.map(k => r[k])), r]),
      ).values(),
    ];
    for (let i = 0; i < unique.length; i += CHUNK) {
      await this.db(table)
        .insert(unique.slice(i, i + CHUNK))
        .onConflict(key)
        .merge();
    }
  }

  async putBuilds(rows: RecordedBuild[]) {
    return this.upsert(
      T.builds,
      ['entity_ref', 'build_key'],
      rows.map(buildRow),
    );
  }

  async putChanges(rows: RecordedChange[]) {
    return this.upsert(
      T.changes,
      ['entity_ref', 'version', 'sha'],
      rows.map(changeRow),
    );
  }

  async putPinChanges(rows: RecordedPinChange[]) {
    return this.upsert(
      T.pinChanges,
      ['entity_ref', 'environment', 'config_sha'],
      rows.map(pinChangeRow),
    );
  }

  async putDeploys(rows: RecordedDeploy[]) {
    return this.upsert(
      T.deploys,
      ['entity_ref', 'environment', 'number'],
      rows.map(deployRow),
    );
  }

  async putActions(rows: RecordedAction[]) {
    return this.upsert(
      T.actions,
      ['entity_ref', 'environment', 'kind', 'at'],
      rows.map(actionRow),
    );
  }

  async observe(row: RecordedObservation) {
    const last = await this.db(T.observations)
      .where({ entity_ref: row.entityRef, environment: row.environment })
      .orderBy('observed_at', 'desc')
      .first();
    const previous = last ? toObservation(last) : undefined;
    const same =
      previous &&
      previous.status === row.status &&
      previous.pinnedVersion === row.pinnedVersion &&
      previous.runningVersion === row.runningVersion;
    if (same || (previous && previous.observedAt >= iso(row.observedAt))) {
      return { previous, recorded: false };
    }
    await this.upsert(
      T.observations,
      ['entity_ref', 'environment', 'observed_at'],
      [observationRow(row)],
    );
    return { previous, recorded: true };
  }

  async putSnapshot(snapshot: EntitySnapshot) {
    return this.upsert(T.snapshots, ['entity_ref'], [snapshotRow(snapshot)]);
  }

  async keepSnapshotsOf(entityRefs: string[]): Promise<number> {
    const keep = new Set(entityRefs);
    const stored = await this.db(T.snapshots).select('entity_ref');
    const gone = stored
      .map(r => String(r.entity_ref))
      .filter(ref => !keep.has(ref));
    let deleted = 0;
    for (let i = 0; i < gone.length; i += CHUNK) {
      deleted += await this.db(T.snapshots)
        .whereIn('entity_ref', gone.slice(i, i + CHUNK))
        .delete();
    }
    return deleted;
  }

  async versionsWithChanges(entityRef: string): Promise<Set<string>> {
    const rows = await this.db(T.changes)
      .where({ entity_ref: entityRef })
      .distinct('version');
    return new Set(rows.map(r => String(r.version)));
  }

  async getCursor<V>(source: string): Promise<V | undefined> {
    const row = await this.db(T.cursors).where({ source }).first('value');
    return row ? (JSON.parse(String(row.value)) as V) : undefined;
  }

  async setCursor(source: string, value: unknown) {
    return this.upsert(
      T.cursors,
      ['source'],
      [
        {
          source,
          value: JSON.stringify(value),
          updated_at: new Date().toISOString(),
        },
      ],
    );
  }

  async deleteOlderThan(cutoff: Date): Promise<RetentionResult> {
    const out: RetentionResult = {};
    for (const [table, column] of Object.entries(TIME_COLUMN)) {
      out[table] = await this.db(table)
        .where(column, '<', iso(cutoff))
        .delete();
    }
    // a trigger older than the retention is not seen again
    out[T.notifications] = await this.db(T.notifications)
      .where('sent_at', '<', iso(cutoff))
      .delete();
    return out;
  }

  async wasNotified(key: string): Promise<boolean> {
    return Boolean(
      await this.db(T.notifications)
        .where({ dedup_key: key })
        .first('dedup_key'),
    );
  }

  async markNotified(key: string, entityRef: string, kind: string) {
    await this.db(T.notifications)
      .insert({
        dedup_key: key,
        entity_ref: entityRef,
        kind,
        sent_at: new Date().toISOString(),
      })
      .onConflict('dedup_key')
      .ignore();
  }

  async entityHistory(
    entityRef: string,
    options: { since: Date; environment?: string },
  ): Promise<EntityHistory> {
    const since = iso(options.since);
    const window = (table: string, perEnvironment: boolean) => {
      const q = this.db(table)
        .where({ entity_ref: entityRef })
        .andWhere(TIME_COLUMN[table], '>=', since)
        .orderBy(TIME_COLUMN[table], 'asc');
      if (perEnvironment && options.environment) {
        q.andWhere({ environment: options.environment });
      }
      return q;
    };
    const [builds, pinChanges, deploys, observations, actions] =
      await Promise.all([
        window(T.builds, false).then(r => r.map(toBuild)),
        window(T.pinChanges, true).then(r => r.map(toPinChange)),
        window(T.deploys, true).then(r => r.map(toDeploy)),
        window(T.observations, true).then(r => r.map(toObservation)),
        window(T.actions, true).then(r => r.map(toAction)),
      ]);
    // a version released in the window carries commits made before it
    const released = spellings([
      ...pinChanges.map(p => p.toVersion),
      ...deploys.map(d => d.version),
    ]);
    const changes = (
      await this.db(T.changes)
        .where({ entity_ref: entityRef })
        .andWhere(q => {
          q.where('committed_at', '>=', since);
          if (released.length) q.orWhereIn('version', released);
        })
        .orderBy([
          { column: 'committed_at', order: 'asc' },
          { column: 'sha', order: 'asc' },
        ])
    ).map(toChange);
    const [historySince, snapshot] = await Promise.all([
      this.oldestEvent(entityRef),
      this.db(T.snapshots)
        .where({ entity_ref: entityRef })
        .first('snapshot_at'),
    ]);
    const history: EntityHistory = {
      entityRef,
      builds,
      changes,
      pinChanges,
      deploys,
      observations,
      actions,
    };
    if (historySince) history.historySince = historySince;
    if (snapshot) history.collectedAt = String(snapshot.snapshot_at);
    return history;
  }

  async listSnapshots(): Promise<EntitySnapshot[]> {
    const rows = await this.db(T.snapshots).orderBy('entity_ref', 'asc');
    return rows.map(toSnapshot);
  }

  private async oldestEvent(entityRef: string): Promise<string | undefined> {
    const mins = await Promise.all(
      Object.entries(TIME_COLUMN).map(([table, column]) =>
        this.db(table)
          .where({ entity_ref: entityRef })
          .min({ t: column })
          .first(),
      ),
    );
    return mins
      .map(m => (m?.t ? String(m.t) : undefined))
      .filter((t): t is string => Boolean(t))
      .sort()[0];
  }
}
