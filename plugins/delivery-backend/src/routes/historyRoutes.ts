import type {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DeliveryConfig } from '../configTypes';
import { computePerformance } from '../services/history/dora';
import {
  buildOverview,
  CatalogReadFilter,
  overviewQuerySchema,
  SnapshotCache,
} from '../services/history/overview';
import type { HistoryReader } from '../services/history/types';
import { parseInput, type ReadableEntity } from './guards';

/** History read before the period, for context (the version that ran before, commits of a version). */
export const PERFORMANCE_CONTEXT_DAYS = 90;
const DAY_MS = 86_400_000;

const performanceQuery = z
  .object({
    days: z
      .enum(['30', '90', '180'], { message: 'must be 30, 90 or 180' })
      .transform(Number)
      .optional(),
    environment: z.string().min(1).max(64).optional(),
  })
  .strict();

/** Dependencies of {@link createHistoryRouter}. */
export interface HistoryRouterOptions {
  logger: LoggerService;
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  config: Pick<DeliveryConfig, 'environments' | 'history'>;
  /** The read-only routes' prologue (credentials, parameters, entity, claims). */
  readEntity: (req: express.Request) => Promise<ReadableEntity>;
  /** The recorded history; absent: both routes answer 404. */
  history?: HistoryReader;
  /** The clock (tests). */
  now?: () => Date;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * `GET /entities/:namespace/:kind/:name/performance?days=&environment=`: the
 * four DORA keys of an entity (read from the catalog as the caller) from
 * its recorded history; `GET /overview`: every recorded entity the caller
 * may read in the catalog, from the last snapshots only (never a live
 * fan-out to the upstreams; the snapshot list is reused for 5 s).
 */
export async function createHistoryRouter(
  options: HistoryRouterOptions,
): Promise<express.Router> {
  const { logger, httpAuth, config, readEntity } = options;
  const now = options.now ?? (() => new Date());
  const environments = config.environments.map(e => e.name);
  const readFilter = new CatalogReadFilter(options.catalog);
  const snapshotCache = options.history
    ? new SnapshotCache(options.history)
    : undefined;
  const router = Router();

  const requireHistory = (): HistoryReader => {
    if (!options.history)
      throw new NotFoundError('Delivery history is not enabled');
    return options.history;
  };

  router.get(
    '/entities/:namespace/:kind/:name/performance',
    async (req, res) => {
      const { ref } = await readEntity(req);
      const history = requireHistory();
      const query = parseInput(performanceQuery, req.query, 'query');
      const environment =
        query.environment ?? config.history.productionEnvironment;
      if (!environment || !environments.includes(environment)) {
        throw new InputError(
          `Invalid query: environment: "${String(environment).slice(
            0,
            64,
          )}" is not one of ${environments.join(', ')}`,
        );
      }
      const days = query.days ?? 30;
      const at = now();
      const t0 = process.hrtime.bigint();
      const recorded = await history.entityHistory(ref, {
        since: new Date(
          at.getTime() - (days + PERFORMANCE_CONTEXT_DAYS) * DAY_MS,
        ),
        environment,
      });
      const read = ms(t0);
      const performance = computePerformance(recorded, {
        environment,
        days,
        now: at,
        failureWindowHours: config.history.changeFailureWindowHours,
      });
      const total = ms(t0);
      res.setHeader(
        'Server-Timing',
        `history;dur=${read.toFixed(1)}, dora;dur=${(total - read).toFixed(1)}`,
      );
      logger.debug('Computed delivery performance', {
        entityRef: ref,
        environment,
        days,
        durationMs: Math.round(total),
      });
      res.json(performance);
    },
  );

  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (!snapshotCache) {
      throw new NotFoundError('Delivery history is not enabled');
    }
    const query = parseInput(overviewQuerySchema, req.query, 'query');
    const t0 = process.hrtime.bigint();
    const snapshots = await snapshotCache.snapshots();
    const read = ms(t0);
    const readable = await readFilter.readable(
      snapshots.map(s => s.entityRef),
      credentials,
    );
    const permitted = ms(t0);
    const overview = buildOverview(
      snapshots.filter(s => readable.has(s.entityRef)),
      query,
      environments,
    );
    const total = ms(t0);
    res.setHeader(
      'Server-Timing',
      `snapshots;dur=${read.toFixed(1)}, catalog;dur=${(
        permitted - read
      ).toFixed(1)}, build;dur=${(total - permitted).toFixed(1)}`,
    );
    res.json(overview);
  });

  return router;
}
