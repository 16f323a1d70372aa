import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CHART,
  ANNOTATION_RELEASE,
  DeliveryView,
  ResyncResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import pLimit from 'p-limit';
import type { EnvironmentConfig } from '../../configTypes';
import type { DeliveryViewService } from '../view';
import type { ResyncService } from './resyncService';

/** The auditor actor of scheduled re-syncs. */
export const SELF_HEAL_ACTOR = 'self-heal';

/** One re-sync the self-heal decided on. */
export interface SelfHealPick {
  entity: Entity;
  environment: string;
  /** Every entity found drifted in that environment (one deploy re-syncs them all). */
  drifted: string[];
}

/**
 * Which environments to re-sync, given the views of the annotated entities:
 * only self-heal environments whose status is `drifted` (never
 * `deploy-failed`, `deploying`, `pending-deploy` or `unknown`); one re-sync
 * per environment (its deploy job re-deploys every release of the config
 * repo); at most `cap`, in promotion order.
 */
export function pickSelfHeal(
  views: { entity: Entity; view: DeliveryView }[],
  environments: readonly EnvironmentConfig[],
  cap: number,
): SelfHealPick[] {
  const picks = new Map<string, SelfHealPick>();
  const ordered = [...environments]
    .filter(e => e.selfHeal.enabled)
    .sort((a, b) => a.index - b.index);
  for (const env of ordered) {
    for (const { entity, view } of views) {
      const row = view.environments.find(e => e.name === env.name);
      if (row?.status !== 'drifted') continue;
      const pick = picks.get(env.name);
      if (pick) pick.drifted.push(view.entityRef);
      else
        picks.set(env.name, {
          entity,
          environment: env.name,
          drifted: [view.entityRef],
        });
    }
  }
  return [...picks.values()].slice(0, Math.max(0, cap));
}

/** Dependencies of {@link runSelfHeal}. */
export interface SelfHealOptions {
  /** The environments this run covers (self-heal enabled). */
  environments: readonly EnvironmentConfig[];
  /** At most this many re-syncs per run. */
  cap: number;
  catalog: CatalogService;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  view: Pick<DeliveryViewService, 'getView'>;
  resync: Pick<ResyncService, 'resyncAs'>;
  logger: LoggerService;
  /** Views built at once (default 4). */
  concurrency?: number;
}

/**
 * One self-heal run: reads every entity with delivery annotations (as the
 * plugin), builds their views, re-syncs the drifted environments (audited as
 * actor `self-heal`). Errors of one entity or environment are logged, not thrown.
 */
export async function runSelfHeal(options: SelfHealOptions): Promise<{
  checked: number;
  picks: SelfHealPick[];
  results: ResyncResult[];
}> {
  const { catalog, logger } = options;
  const credentials = await options.auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    {
      filter: [
        { [`metadata.annotations.${ANNOTATION_CHART}`]: CATALOG_FILTER_EXISTS },
        {
          [`metadata.annotations.${ANNOTATION_RELEASE}`]: CATALOG_FILTER_EXISTS,
        },
      ],
    },
    { credentials },
  );
  const limit = pLimit(options.concurrency ?? 4);
  const views = (
    await Promise.all(
      items.map(entity =>
        limit(async () => {
          try {
            return { entity, view: await options.view.getView(entity) };
          } catch (e) {
            logger.warn('Self-heal: view failed', {
              entityRef: stringifyEntityRef(entity),
              error: String(e),
            });
            return undefined;
          }
        }),
      ),
    )
  ).filter((v): v is { entity: Entity; view: DeliveryView } => Boolean(v));

  const picks = pickSelfHeal(views, options.environments, options.cap);
  const results: ResyncResult[] = [];
  for (const pick of picks) {
    try {
      results.push(
        await options.resync.resyncAs(SELF_HEAL_ACTOR, {
          entity: pick.entity,
          environment: pick.environment,
        }),
      );
    } catch (e) {
      logger.warn('Self-heal: re-sync failed', {
        environment: pick.environment,
        error: String(e),
      });
    }
  }
  logger.info('Self-heal run', {
    checked: views.length,
    drifted: picks
      .map(p => `${p.environment}:${p.drifted.join('+')}`)
      .join(','),
    queued: results.filter(r => r.queued).length,
  });
  return { checked: views.length, picks, results };
}
