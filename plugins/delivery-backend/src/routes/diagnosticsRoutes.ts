import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { DeliveryDiagnostics } from '@gitops-delivery/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import type { ReadableEntity } from './guards';

/** Dependencies of {@link createDiagnosticsRouter}. */
export interface DiagnosticsRouterOptions {
  logger: LoggerService;
  /** The read-only routes' prologue (credentials, parameters, entity, claims). */
  readEntity: (req: express.Request) => Promise<ReadableEntity>;
  /** The delivery doctor; absent: the route answers 404. */
  diagnose?: (entity: Entity) => Promise<DeliveryDiagnostics>;
}

/**
 * `GET /entities/:namespace/:kind/:name/diagnostics`: the delivery doctor's
 * checks for an entity, read from the catalog as the caller.
 */
export async function createDiagnosticsRouter(
  options: DiagnosticsRouterOptions,
): Promise<express.Router> {
  const { logger, readEntity } = options;
  const router = Router();

  router.get(
    '/entities/:namespace/:kind/:name/diagnostics',
    async (req, res) => {
      const { ref, readable } = await readEntity(req);
      if (!options.diagnose)
        throw new NotFoundError('Diagnostics are not enabled');
      const result = await options.diagnose(readable);
      logger.info('Ran delivery diagnostics', {
        entityRef: ref,
        failed: result.checks.filter(c => c.status === 'error').length,
      });
      res.json(result);
    },
  );

  return router;
}
