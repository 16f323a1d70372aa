import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { deliveryPromotePermission } from '@gitops-delivery/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  createEntityRouteGuards,
  type EntityActionDenial,
  jsonBody,
  parseInput as parse,
} from './guards';
import type { PromotionService } from '../services/promotion';
import type { ClaimsService } from '../services/claims';
import type { DeliveryAuditor } from '../services/shared';

const promoteBody = z.object({
  environment: z.string().min(1).max(64),
  version: z.string().min(1).max(128),
  values: z
    .string()
    .max(16 * 1024)
    .optional(),
});

const LIMIT_MESSAGE = 'limit must be an integer between 1 and 500';

const listQuery = z.object({
  limit: z
    .string()
    .optional()
    .transform(v => (v === undefined ? undefined : Number(v)))
    .refine(
      v => v === undefined || (Number.isInteger(v) && v >= 1 && v <= 500),
      LIMIT_MESSAGE,
    ),
});

const promoteDenial: EntityActionDenial = {
  permission: deliveryPromotePermission,
  action: 'promote',
  eventId: 'delivery-promote',
  deniedLog: 'Promotion denied',
};

const previewDenial: EntityActionDenial = {
  permission: deliveryPromotePermission,
  action: 'preview a promotion of',
  eventId: 'delivery-promote-preview',
  deniedLog: 'Promotion preview denied',
};

/** Dependencies of {@link createPromotionRouter}. */
export interface PromotionRouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  auditor: DeliveryAuditor;
  logger: LoggerService;
  promotions: PromotionService;
  /** Release claims: contested ones are refused with 409 (promote, preview). */
  claims?: ClaimsService;
}

/**
 * `POST` and `GET /entities/:namespace/:kind/:name/promotions` (mounted by
 * `createRouter`).
 *
 * POST: user principals only (401 without a token, 403 for services) ->
 * body validated (400) -> entity read from the catalog as the caller (404,
 * no upstream call) -> `delivery.promote` resource permission on the entity
 * (DENY: audit event + 403, no GitHub call) -> `PromotionService.promote`
 * (which audits and records the attempt). 201 when a PR was created, 200
 * when an existing one was returned.
 *
 * POST `.../promotions/preview`: the same validation and the same
 * `delivery.promote` check (the preview shows config-repo content: DENY is
 * an audit event + 403, no upstream read), no writes; audited as
 * `delivery-promote-preview`.
 */
export async function createPromotionRouter(
  options: PromotionRouterOptions,
): Promise<express.Router> {
  const { httpAuth, auditor, promotions } = options;
  const router = Router();
  const body64k = jsonBody('64kb');

  const { readEntity, requirePermission, requireUncontested } =
    createEntityRouteGuards(options);

  /** Promote and preview alike: a user, a valid body, the entity as the caller, permitted and uncontested. */
  const authorize = async (
    req: express.Request,
    denial: EntityActionDenial,
  ) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const body = parse(promoteBody, req.body, 'promotion request');
    const entity = await readEntity(req, credentials);
    const meta = { environment: body.environment, version: body.version };
    await requirePermission(req, credentials, entity, denial, meta);
    await requireUncontested(req, credentials, entity, denial, meta);
    return { credentials, body, entity, meta };
  };

  router.post(
    '/entities/:namespace/:kind/:name/promotions',
    body64k,
    async (req, res) => {
      const { credentials, body, entity } = await authorize(req, promoteDenial);
      const result = await promotions.promote({
        entity,
        credentials,
        environment: body.environment,
        version: body.version,
        values: body.values,
        request: req,
      });
      res.status(result.created ? 201 : 200).json(result);
    },
  );

  router.post(
    '/entities/:namespace/:kind/:name/promotions/preview',
    body64k,
    async (req, res) => {
      // the preview shows config-repo content: only for those who may promote
      const { credentials, body, entity, meta } = await authorize(
        req,
        previewDenial,
      );
      const event = await auditor.createEvent({
        eventId: previewDenial.eventId,
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef: stringifyEntityRef(entity),
          ...meta,
          actor: credentials.principal.userEntityRef,
        },
      });
      try {
        const preview = await promotions.preview({
          entity,
          credentials,
          environment: body.environment,
          version: body.version,
          values: body.values,
          allowed: true,
        });
        await event.success({
          meta: {
            outcome: 'previewed',
            blockedReason: preview.blockedReason ?? null,
          },
        });
        res.json(preview);
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        await event.fail({ error, meta: { outcome: 'failed' } });
        throw error;
      }
    },
  );

  router.get(
    '/entities/:namespace/:kind/:name/promotions',
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entity = await readEntity(req, credentials);
      const { limit } = parse(listQuery, req.query, 'query');
      res.json({ items: await promotions.listPromotions(entity, { limit }) });
    },
  );

  return router;
}
