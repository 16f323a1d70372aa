import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { deliveryResyncPermission } from '@gitops-delivery/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { PromotionAuditor } from '../promotion';
import type { ResyncService } from './resyncService';

const entityParams = z.object({
  namespace: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid namespace'),
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, 'invalid kind'),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid name'),
});
const resyncBody = z.object({ environment: z.string().min(1).max(64) }).strict();

/** Dependencies of {@link createResyncRouter}. @public */
export interface ResyncRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: PromotionAuditor;
  logger: LoggerService;
  resync: ResyncService;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Invalid ${what}: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * `POST /entities/:namespace/:kind/:name/resync` `{ environment }`: user
 * principals only (401/403) -> body (400) -> entity read as the caller (404)
 * -> `delivery.resync` on the entity (DENY: audit event + 403, no upstream
 * call) -> re-run the environment's deploy job. 202 when a run was queued,
 * 200 with `queued: false` when one was already queued or building.
 * @public
 */
export async function createResyncRouter(
  options: ResyncRouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, catalog, auditor, logger, resync } = options;
  const router = Router();
  router.use(express.json({ limit: '4kb' }));

  router.post('/entities/:namespace/:kind/:name/resync', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = parse(resyncBody, req.body, 're-sync request');
    const ref = parse(entityParams, req.params, 'entity reference');
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`Entity ${stringifyEntityRef(ref)} not found`);
    const entityRef = stringifyEntityRef(entity);
    const [decision] = await permissions.authorize(
      [{ permission: deliveryResyncPermission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      const error = new NotAllowedError(
        `You are not allowed to re-sync ${entityRef} (${deliveryResyncPermission.name})`,
      );
      const event = await auditor.createEvent({
        eventId: 'delivery-resync',
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef,
          environment: body.environment,
          actor: credentials.principal.userEntityRef,
          outcome: 'denied',
        },
      });
      await event.fail({ error });
      logger.info('Re-sync denied', { entityRef, actor: credentials.principal.userEntityRef });
      throw error;
    }
    const result = await resync.resync({
      entity,
      credentials,
      environment: body.environment,
      request: req,
    });
    res.status(result.queued ? 202 : 200).json(result);
  });

  return router;
}
