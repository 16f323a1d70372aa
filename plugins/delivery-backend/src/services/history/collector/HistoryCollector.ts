import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  DoraSummary,
  PromotionRecord,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import pLimit from 'p-limit';
import type { DeliveryConfig } from '../../../configTypes';
import type { HistoryStore } from '../../../database/history';
import type { UpstreamClients } from '../../../upstreams/clients';
import type { DeliveryEvent } from '../../notifications/deliveryEvents';
import type { DefaultDeliveryViewService } from '../../view';
import type { EntityHistory } from '../types';
import { collectEntity } from './collectEntity';
import { collectPinFiles, pinFiles } from './collectPinFiles';
import { CollectedEntity, listDeliveryEntities } from './entityFacts';
import type { PinFileCaps } from './pinHistory';
import { RequestBudget } from './RequestBudget';
import {
  configCommitDates,
  MAX_CONFIG_COMMIT_READS_PER_RUN,
} from './configCommitDates';
import type { CommitDate } from './deployVersions';
import { type DeployBackfill, deployBackfill } from './deployBackfill';
import { runEvents } from './runEvents';
import { entitySnapshot } from './snapshot';

const DAY_MS = 86_400_000;
/** GitHub compares (commits carried by a new version) per run at most. */
export const MAX_COMPARES_PER_RUN = 50;
/** Days of history the overview's DORA summary covers. */
export const SUMMARY_DAYS = 30;

/** Computes an overview row's DORA summary (the DORA module's `summarize`). */
export type Summarize = (
  history: EntityHistory,
  options: {
    environment: string;
    days: number;
    now: Date;
    failureWindowHours: number;
  },
) => DoraSummary;

/** Dependencies of {@link HistoryCollector}. */
export interface HistoryCollectorOptions {
  config: Pick<DeliveryConfig, 'environments' | 'history' | 'hostAliases'>;
  catalog: CatalogService;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  view: Pick<DefaultDeliveryViewService, 'getViewWithTrace'>;
  clients: Pick<
    UpstreamClients,
    'githubFor' | 'githubForRepo' | 'deployJenkins'
  >;
  store: HistoryStore;
  /** Delivery's own promotions (the promotion store). */
  promotions?: { listPromotions(ref: string): Promise<PromotionRecord[]> };
  /** Sends the events of a run to the entities' owners. */
  notify?: (
    events: DeliveryEvent[],
    owners: (entityRef: string) => string[],
  ) => Promise<number>;
  summarize?: Summarize;
  logger: LoggerService;
  now?: () => Date;
  /** Views built at once (default 4). */
  concurrency?: number;
  /** GitHub compares per run (default {@link MAX_COMPARES_PER_RUN}). */
  maxCompares?: number;
  /** Reads per config file per run (default `DEFAULT_PIN_FILE_CAPS`). */
  pinFileCaps?: Partial<PinFileCaps>;
}

/** What one run recorded. */
export interface CollectorRun {
  entities: number;
  builds: number;
  deploys: number;
  changes: number;
  pinChanges: number;
  actions: number;
  transitions: number;
  notified: number;
  /** Optional requests spent, per kind (`compare`). */
  requests: Record<string, number>;
  /** Rows deleted by retention, per table. */
  deleted: Record<string, number>;
  errors: string[];
}

/**
 * The history collector: one run reads every catalog entity with delivery
 * annotations, each config file's history since its cursor (once per file,
 * attributed to every release in it), each entity's view (builds, deploy
 * runs, statuses, through the view's cache), the commits of new versions
 * (bounded), writes everything on natural keys, snapshots each entity for
 * the overview, notifies owners of what changed and applies retention.
 */
export class HistoryCollector {
  constructor(private readonly options: HistoryCollectorOptions) {}

  async run(): Promise<CollectorRun> {
    const { config, store, logger } = this.options;
    const now = this.options.now?.() ?? new Date();
    // nothing older than the retention is recorded (it would be deleted)
    const since =
      now.getTime() -
      Math.min(config.history.backfillDays, config.history.retentionDays) *
        DAY_MS;
    const budget = new RequestBudget({
      compare: this.options.maxCompares ?? MAX_COMPARES_PER_RUN,
      configCommit: MAX_CONFIG_COMMIT_READS_PER_RUN,
    });
    const backfill = deployBackfill({
      clients: this.options.clients,
      hostAliases: config.hostAliases,
    });
    const configCommitDate = configCommitDates({
      environments: config.environments,
      clients: this.options.clients,
      budget,
    });
    const entities = await this.entities();
    const owners = new Map(entities.map(e => [e.entityRef, e.owners]));

    const pins = await collectPinFiles({
      files: pinFiles(config.environments, entities),
      clients: this.options.clients,
      store,
      backfillSince: new Date(since).toISOString(),
      caps: this.options.pinFileCaps,
      logger,
    });
    const run: CollectorRun = {
      entities: entities.length,
      builds: 0,
      deploys: 0,
      changes: 0,
      pinChanges: pins.pinChanges,
      actions: 0,
      transitions: 0,
      notified: 0,
      requests: {},
      deleted: {},
      errors: [...pins.errors],
    };
    const events: DeliveryEvent[] = [];
    const limit = pLimit(this.options.concurrency ?? 4);
    await Promise.all(
      entities.map(facts =>
        limit(async () => {
          try {
            events.push(
              ...(await this.collectOne(facts, {
                now,
                since,
                budget,
                run,
                configCommitDate,
                deployBackfill: backfill,
              })),
            );
          } catch (e) {
            run.errors.push(
              `${facts.entityRef}: ${e instanceof Error ? e.message : e}`,
            );
            logger.warn('History: entity not collected', {
              entityRef: facts.entityRef,
              error: String(e),
            });
          }
        }),
      ),
    );
    run.requests = budget.spent();
    // entities gone from the catalog leave the overview
    run.deleted.delivery_history_snapshots = await store.keepSnapshotsOf(
      entities.map(e => e.entityRef),
    );
    if (this.options.notify && events.length) {
      run.notified = await this.options.notify(
        events,
        ref => owners.get(ref) ?? [],
      );
    }
    run.deleted = {
      ...run.deleted,
      ...(await store.deleteOlderThan(
        new Date(now.getTime() - config.history.retentionDays * DAY_MS),
      )),
    };
    logger.info('History collected', {
      ...Object.fromEntries(
        Object.entries(run).filter(([, v]) => typeof v === 'number'),
      ),
      errors: run.errors.length,
    });
    return run;
  }

  private async collectOne(
    facts: CollectedEntity,
    ctx: {
      now: Date;
      since: number;
      budget: RequestBudget;
      run: CollectorRun;
      configCommitDate: CommitDate;
      deployBackfill: DeployBackfill;
    },
  ): Promise<DeliveryEvent[]> {
    const { config, store } = this.options;
    const { view, trace } = await this.options.view.getViewWithTrace(
      facts.entity,
    );
    const done = await collectEntity({
      facts,
      view,
      trace,
      environments: config.environments,
      store,
      clients: this.options.clients,
      promotions: this.options.promotions,
      budget: ctx.budget,
      configCommitDate: ctx.configCommitDate,
      deployBackfill: ctx.deployBackfill,
      since: ctx.since,
      now: ctx.now,
    });
    ctx.run.builds += done.builds;
    ctx.run.deploys += done.deploys;
    ctx.run.changes += done.changes;
    ctx.run.actions += done.actions;
    ctx.run.transitions += done.transitions.length;
    ctx.run.errors.push(...done.notes);

    const history = await store.entityHistory(facts.entityRef, {
      since: new Date(
        ctx.now.getTime() - config.history.retentionDays * DAY_MS,
      ),
    });
    await store.putSnapshot(
      entitySnapshot({
        facts,
        view,
        history,
        dora: this.summary(facts, history, ctx.now),
        now: ctx.now,
      }),
    );
    return runEvents({
      entityRef: facts.entityRef,
      transitions: done.transitions,
      history,
      view,
      now: ctx.now,
      promotionOpenAlertHours: config.history.promotionOpenAlertHours,
    });
  }

  private summary(
    facts: CollectedEntity,
    history: EntityHistory,
    now: Date,
  ): DoraSummary | undefined {
    const { summarize, config } = this.options;
    const environment = config.history.productionEnvironment;
    if (!summarize || !environment) return undefined;
    if (!facts.environments.includes(environment)) return undefined;
    try {
      return summarize(history, {
        environment,
        days: SUMMARY_DAYS,
        now,
        failureWindowHours: config.history.changeFailureWindowHours,
      });
    } catch (e) {
      // a figure that cannot be computed never hides the row
      this.options.logger.warn('History: DORA summary not computed', {
        entityRef: facts.entityRef,
        error: String(e),
      });
      return undefined;
    }
  }

  private async entities(): Promise<CollectedEntity[]> {
    return listDeliveryEntities(this.options);
  }
}
