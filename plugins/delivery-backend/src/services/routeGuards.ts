import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Request } from 'express';
import { z } from 'zod';
import type { PromotionAuditor } from './promotion/types';

/** `:namespace/:kind/:name` route parameters. @public */
export const entityParams = z.object({
  namespace: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid namespace'),
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, 'invalid kind'),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid name'),
});

/** Validates `value` against `schema`; the first issue becomes a 400. @public */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Invalid ${what}: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  return parsed.data;
}

/** How a denied entity action is reported (403 message, audit event, log). @public */
export interface EntityActionDenial {
  permission: ResourcePermission<'catalog-entity'>;
  /** The verb in the 403 message, e.g. `promote`. */
  action: string;
  /** The audit event id, e.g. `delivery-promote`. */
  eventId: string;
  /** The log message on a denial, e.g. `Promotion denied`. */
  deniedLog: string;
}

/** Dependencies of {@link createEntityRouteGuards}. @public */
export interface EntityRouteGuardOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auditor: PromotionAuditor;
  logger: LoggerService;
}

/** The shared prologue of the entity action routes. @public */
export interface EntityRouteGuards {
  /**
   * Reads the entity named by the route parameters from the catalog as the
   * caller: bad parameters are a 400, an entity they cannot see a 404.
   */
  readEntity(req: Request, credentials: BackstageCredentials): Promise<Entity>;
  /**
   * The resource permission on the entity for a user: on anything but ALLOW,
   * a failed `medium` audit event (meta `entityRef`, then `meta`, `actor` and
   * outcome `denied`), an info log and a 403.
   */
  requirePermission(
    req: Request,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entity: Entity,
    denial: EntityActionDenial,
    meta: Record<string, unknown>,
  ): Promise<void>;
}

/** Builds the {@link EntityRouteGuards} over the plugin's services. @public */
export function createEntityRouteGuards(options: EntityRouteGuardOptions): EntityRouteGuards {
  const { catalog, permissions, auditor, logger } = options;
  return {
    async readEntity(req, credentials) {
      const ref = parseInput(entityParams, req.params, 'entity reference');
      const entity = await catalog.getEntityByRef(ref, { credentials });
      if (!entity) throw new NotFoundError(`Entity ${stringifyEntityRef(ref)} not found`);
      return entity;
    },

    async requirePermission(req, credentials, entity, denial, meta) {
      const { permission } = denial;
      const entityRef = stringifyEntityRef(entity);
      const [decision] = await permissions.authorize(
        [{ permission, resourceRef: entityRef }],
        { credentials },
      );
      if (decision.result === AuthorizeResult.ALLOW) return;
      const error = new NotAllowedError(
        `You are not allowed to ${denial.action} ${entityRef} (${permission.name})`,
      );
      const actor = credentials.principal.userEntityRef;
      const event = await auditor.createEvent({
        eventId: denial.eventId,
        severityLevel: 'medium',
        request: req,
        meta: { entityRef, ...meta, actor, outcome: 'denied' },
      });
      await event.fail({ error });
      logger.info(denial.deniedLog, { entityRef, actor });
      throw error;
    },
  };
}
