import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { deliveryResyncPermission } from '@gitops-delivery/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createEntityRouteGuards,
  type EntityActionDenial,
  jsonBody,
  parseInput as parse,
} from './guards';
import type { ResyncService } from '../services/resync';
import type { ClaimsService } from '../services/claims';
import type { DeliveryAuditor } from '../services/shared';

const resyncBody = z
  .object({ environment: z.string().min(1).max(64) })
  .strict();

const resyncDenial: EntityActionDenial = {
  permission: deliveryResyncPermission,
  action: 're-sync',
  eventId: 'delivery-resync',
  deniedLog: 'Re-sync denied',
};

/** Dependencies of {@link createResyncRouter}. */
export interface ResyncRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: DeliveryAuditor;
  logger: LoggerService;
  resync: ResyncService;
  /** Release claims: a contested one is refused with 409. */
  claims?: ClaimsService;
}

/**
 * `POST /entities/:namespace/:kind/:name/resync` `{ environment }`: user
 * principals only (401/403) -> body (400) -> entity read as the caller (404)
 * -> `delivery.resync` on the entity (DENY: audit event + 403, no upstream
 * call) -> re-run the environment's deploy job. 202 when a run was queued,
 * 200 with `queued: false` when one was already queued or building.
 */
export async function createResyncRouter(
  options: ResyncRouterOptions,
): Promise<express.Router> {
  const { httpAuth, resync } = options;
  const { readEntity, requirePermission, requireUncontested } =
    createEntityRouteGuards(options);
  const router = Router();

  router.post(
    '/entities/:namespace/:kind/:name/resync',
    jsonBody('4kb'),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const body = parse(resyncBody, req.body, 're-sync request');
      const entity = await readEntity(req, credentials);
      const meta = { environment: body.environment };
      await requirePermission(req, credentials, entity, resyncDenial, meta);
      await requireUncontested(req, credentials, entity, resyncDenial, meta);
      const result = await resync.resync({
        entity,
        credentials,
        environment: body.environment,
        request: req,
      });
      res.status(result.queued ? 202 : 200).json(result);
    },
  );

  return router;
}
