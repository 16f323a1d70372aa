import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { Entity } from '@backstage/catalog-model';
import type { DeliveryDiagnostics } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryViewService } from './services/view';
import { type ClaimsService, withoutRefusedClaims } from './services/claims';
import { environmentAccess } from './services/claims/environmentAccess';

const entityParams = z.object({
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid namespace'),
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, 'invalid kind'),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid name'),
});

/** Dependencies of {@link createRouter}. @public */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  logger: LoggerService;
  view: DeliveryViewService;
  /** The delivery doctor (GET .../diagnostics); absent: the route answers 404. */
  diagnose?: (entity: Entity) => Promise<DeliveryDiagnostics>;
  /**
   * Release claims: the view names contested claims (`claims`) and reads
   * nothing through a refused one; absent: no claim check.
   */
  claims?: ClaimsService;
  /** Decides `environments[].access` for user callers; absent: not reported. */
  permissions?: PermissionsService;
}

/**
 * The delivery HTTP API (mounted at `/api/delivery`, documented in
 * `src/schema/openapi.yaml`). The entity is always read from the catalog as
 * the caller: one they cannot see is a 404, and no upstream is touched.
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, catalog, logger, view } = options;
  // No body parser here: the GET routes read none, and a router-wide parser
  // would pre-empt the smaller per-route limits of the mutating routes.
  const router = Router();

  /** The entity of the path, read from the catalog as the caller (404 if they cannot see it). */
  const readEntity = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const parsed = entityParams.safeParse(req.params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `Invalid entity reference: ${issue.path.join('.')}: ${issue.message}`,
      );
    }
    const ref = stringifyEntityRef(parsed.data);
    const entity = await catalog.getEntityByRef(parsed.data, { credentials });
    if (!entity) throw new NotFoundError(`Entity ${ref} not found`);
    const claims = await options.claims?.check(entity);
    // a refused claim (copied annotation) is never read with our credentials
    const readable = claims ? withoutRefusedClaims(entity, claims) : entity;
    return { ref, entity, readable, claims, credentials };
  };

  router.get('/entities/:namespace/:kind/:name/diagnostics', async (req, res) => {
    const { ref, readable } = await readEntity(req);
    if (!options.diagnose) throw new NotFoundError('Diagnostics are not enabled');
    const result = await options.diagnose(readable);
    logger.info('Ran delivery diagnostics', {
      entityRef: ref,
      failed: result.checks.filter(c => c.status === 'error').length,
    });
    res.json(result);
  });

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
    const { ref, entity, readable, claims, credentials } = await readEntity(req);
    const started = Date.now();
    const result = await view.getView(readable);
    if (claims?.conflicts.length) result.claims = claims;
    if (options.permissions && credentials.principal.type === 'user') {
      const access = await environmentAccess(options.permissions, credentials, entity, {
        environments: result.environments.map(e => e.name),
        claims,
      });
      result.environments = result.environments.map(e => ({ ...e, access: access.get(e.name) }));
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
