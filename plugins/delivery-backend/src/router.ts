import type {
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DeliveryViewService } from './services/view';

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
  const router = Router();
  router.use(express.json());

  router.get('/entities/:namespace/:kind/:name', async (req, res) => {
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
    const started = Date.now();
    const result = await view.getView(entity);
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
