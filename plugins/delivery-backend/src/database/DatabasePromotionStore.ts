import { createHash, randomUUID } from 'node:crypto';
import {
  DatabaseService,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { PromotionRecord } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { Knex } from 'knex';
import type {
  NewPromotionAttempt,
  PromotionAttemptResult,
  PromotionStore,
  TargetLockOptions,
} from './PromotionStore';

const migrationsDir = resolvePackagePath(
  '@gitops-delivery/backstage-plugin-delivery-backend',
  'migrations',
);

const PROMOTIONS = 'delivery_promotions';
const LOCKS = 'delivery_promotion_locks';
/** A pending attempt older than this is reported as interrupted. */
const INTERRUPTED_AFTER_MS = 10 * 60 * 1000;

interface PromotionRow {
  id: string;
  entity_ref: string;
  environment: string;
  release: string;
  from_version: string | null;
  to_version: string;
  actor: string;
  created_at: Date | string | number;
  outcome: string;
  message: string | null;
  pull_request_url: string | null;
}

function toIso(value: Date | string | number): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  // SQLite CURRENT_TIMESTAMP: 'YYYY-MM-DD HH:MM:SS' in UTC
  const s = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
  const d = new Date(/^\d+$/.test(s) ? Number(s) : s);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString();
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * {@link PromotionStore} on the plugin's database (SQLite in dev, PostgreSQL
 * in production). The target lock is a lease row: insert-if-absent, take over
 * when expired, renew while held, delete on release. Plain single statements
 * that behave the same on every knex dialect, so replicas sharing one
 * PostgreSQL serialize correctly.
 */
export class DatabasePromotionStore implements PromotionStore {
  static async create(options: {
    database: DatabaseService;
    logger?: LoggerService;
  }): Promise<DatabasePromotionStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabasePromotionStore(client, options.logger);
  }

  private constructor(
    private readonly db: Knex,
    private readonly logger?: LoggerService,
  ) {}

  async startAttempt(attempt: NewPromotionAttempt): Promise<string> {
    const id = randomUUID();
    await this.db<PromotionRow>(PROMOTIONS).insert({
      id,
      entity_ref: attempt.entityRef,
      environment: attempt.environment,
      release: attempt.release,
      from_version: attempt.fromVersion ?? null,
      to_version: attempt.toVersion,
      actor: attempt.actor,
      created_at: new Date(),
      outcome: 'pending',
      message: null,
      pull_request_url: null,
    });
    return id;
  }

  async finishAttempt(id: string, result: PromotionAttemptResult) {
    const update: Partial<PromotionRow> = {
      outcome: result.outcome,
      message: result.message?.slice(0, 2000) ?? null,
      pull_request_url: result.pullRequestUrl ?? null,
    };
    if (result.fromVersion !== undefined) {
      update.from_version = result.fromVersion;
    }
    await this.db<PromotionRow>(PROMOTIONS).where({ id }).update(update);
  }

  async listPromotions(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<PromotionRecord[]> {
    const limit = Math.min(Math.max(options?.limit ?? 50, 1), 500);
    const rows = await this.db<PromotionRow>(PROMOTIONS)
      .where({ entity_ref: entityRef })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    const now = Date.now();
    return rows.map(row => {
      const createdAt = toIso(row.created_at);
      let outcome = row.outcome as PromotionRecord['outcome'] | 'pending';
      let message = row.message ?? undefined;
      if (outcome === 'pending') {
        const old = now - new Date(createdAt).getTime() > INTERRUPTED_AFTER_MS;
        outcome = 'failed';
        message = old
          ? 'Interrupted before completion; promoting again completes it'
          : 'In progress';
      }
      return {
        id: row.id,
        entityRef: row.entity_ref,
        environment: row.environment,
        fromVersion: row.from_version ?? undefined,
        toVersion: row.to_version,
        actor: row.actor,
        createdAt,
        outcome,
        message,
        pullRequestUrl: row.pull_request_url ?? undefined,
      };
    });
  }

  async withTargetLock<T>(
    target: string,
    fn: () => Promise<T>,
    options?: TargetLockOptions,
  ): Promise<T> {
    const leaseMs = options?.leaseMs ?? 60_000;
    const waitMs = options?.waitMs ?? 30_000;
    const key = createHash('sha256').update(target).digest('hex');
    const holder = randomUUID();
    const deadline = Date.now() + waitMs;
    let delay = 25;
    while (!(await this.tryAcquire(key, holder, leaseMs))) {
      if (Date.now() >= deadline) {
        throw new ConflictError(
          `Another promotion to ${target} is in progress; try again shortly`,
        );
      }
      await sleep(delay + Math.floor(Math.random() * delay));
      delay = Math.min(delay * 2, 250);
    }
    const renew = setInterval(() => {
      this.db(LOCKS)
        .where({ target: key, holder })
        .update({ expires_at: Date.now() + leaseMs })
        .catch(error =>
          this.logger?.warn('Failed to renew promotion lease', {
            target,
            error: String(error),
          }),
        );
    }, Math.max(Math.floor(leaseMs / 3), 10));
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await this.db(LOCKS).where({ target: key, holder }).delete();
    }
  }

  private async tryAcquire(
    key: string,
    holder: string,
    leaseMs: number,
  ): Promise<boolean> {
    const now = Date.now();
    await this.db(LOCKS)
      .insert({ target: key, holder, expires_at: now + leaseMs })
      .onConflict('target')
      .ignore();
    // take over a lease whose holder died (expired)
    await this.db(LOCKS)
      .where({ target: key })
      .andWhere('expires_at', '<', now)
      .update({ holder, expires_at: now + leaseMs });
    const row = await this.db(LOCKS)
      .where({ target: key })
      .first<{ holder: string } | undefined>('holder');
    return row?.holder === holder;
  }
}
