import type {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import express from 'express';
import Router from 'express-promise-router';
import type { DeliveryTarget } from '../permissions';
import type { DeliveryViewService } from '../services/view';
import { environmentAccess } from '../services/claims/environmentAccess';
import type { ReadableEntity } from './guards';

/** Dependencies of {@link createViewRouter}. */
export interface ViewRouterOptions {
  logger: LoggerService;
  view: DeliveryViewService;
  /** The read-only routes' prologue (credentials, parameters, entity, claims). */
  readEntity: (req: express.Request) => Promise<ReadableEntity>;
  /** Decides `environments[].access` for user callers; absent: not reported. */
  permissions?: PermissionsService;
  /**
   * The plugin's `delivery-target` rules (the permissions registry's
   * ruleset): the view applies conditional decisions itself, to the entity
   * it read as the caller; absent: it asks `authorize` per delivery target.
   */
  deliveryTargetRules?: PermissionRuleset<DeliveryTarget>;
}

/**
 * `GET /entities/:namespace/:kind/:name`: the delivery view of an entity,
 * read from the catalog as the caller; contested claims are named
 * (`claims`) and, for a user, each environment says what they may do.
 */
export async function createViewRouter(
  options: ViewRouterOptions,
): Promise<express.Router> {
  const { logger, view, readEntity } = options;
  const router = Router();

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const { ref, entity, readable, claims, credentials } = await readEntity(
      req,
    );
    const started = Date.now();
    const result = await view.getView(readable);
    if (claims?.conflicts.length) result.claims = claims;
    if (options.permissions && credentials.principal.type === 'user') {
      const access = await environmentAccess(
        options.permissions,
        credentials,
        entity,
        {
          environments: result.environments.map(e => e.name),
          claims,
          rules: options.deliveryTargetRules,
        },
      );
      result.environments = result.environments.map(e => ({
        ...e,
        access: access.get(e.name),
      }));
    }
    const failedSources = Object.entries(result.sources)
      .filter(([, s]) => s.status === 'error')
      .map(([k]) => k);
    logger.info('Built delivery view', {
      entityRef: ref,
      durationMs: Date.now() - started,
      failedSources: failedSources.join(','),
    });
    res.json(result);
  });

  return router;
}
