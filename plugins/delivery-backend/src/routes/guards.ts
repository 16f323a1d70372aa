import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { deliveryTargetRef } from '@gitops-delivery/backstage-plugin-delivery-common';
import express, { type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { DeliveryClaims } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryAuditor } from '../services/shared';
import { type ClaimsService, withoutRefusedClaims } from '../services/claims';

/** `:namespace/:kind/:name` route parameters. */
export const entityParams = z.object({
  namespace: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid namespace'),
  kind: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, 'invalid kind'),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'invalid name'),
});

/** A request body over the route's limit: 413 (the error handler reads `statusCode`). */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  readonly statusCode = 413;
}

/**
 * The JSON body parser of one route, with that route's own size limit. Put it
 * on the route (`router.post(path, jsonBody('4kb'), handler)`), never on a
 * whole router: a router-wide parser runs for every request that passes
 * through it, and the first parser to run wins. Too large: a 413
 * {@link PayloadTooLargeError}; malformed JSON: a 400.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; message?: string };
      if (e.type === 'entity.too.large') {
        return next(
          new PayloadTooLargeError(
            `Request body exceeds the ${limit} limit of this route`,
          ),
        );
      }
      if (e.type === 'entity.parse.failed') {
        return next(
          new InputError(
            `Malformed JSON body: ${e.message ?? ''}`.slice(0, 200),
          ),
        );
      }
      return next(err);
    });
}

/** Validates `value` against `schema`; the first issue becomes a 400. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `Invalid ${what}: ${issue.path.join('.') || 'body'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/** How a denied entity action is reported (403 message, audit event, log). */
export interface EntityActionDenial {
  permission: ResourcePermission<'delivery-target'>;
  /** The verb in the 403 message, e.g. `promote`. */
  action: string;
  /** The audit event id, e.g. `delivery-promote`. */
  eventId: string;
  /** The log message on a denial, e.g. `Promotion denied`. */
  deniedLog: string;
}

/** Dependencies of {@link createEntityRouteGuards}. */
export interface EntityRouteGuardOptions {
  catalog: CatalogService;
  permissions: PermissionsService;
  auditor: DeliveryAuditor;
  logger: LoggerService;
  /** Release claims; absent: no claim check (tests of other concerns). */
  claims?: ClaimsService;
}

/** The shared prologue of the entity action routes. */
export interface EntityRouteGuards {
  /**
   * Reads the entity named by the route parameters from the catalog as the
   * caller: bad parameters are a 400, an entity they cannot see a 404.
   */
  readEntity(req: Request, credentials: BackstageCredentials): Promise<Entity>;
  /**
   * The resource permission on the delivery target (the entity in
   * `meta.environment`, see `deliveryTargetRef`) for a user: on anything but ALLOW,
   * a failed `medium` audit event (meta `entityRef`, then `meta`, `actor` and
   * outcome `denied`), an info log and a 403.
   */
  requirePermission(
    req: Request,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entity: Entity,
    denial: EntityActionDenial,
    meta: { environment: string } & Record<string, unknown>,
  ): Promise<void>;
  /**
   * Refuses to act on a contested release, image, chart or code job: a 409
   * naming the other entities, with a failed audit event (outcome
   * `contested`) and no upstream call.
   */
  requireUncontested(
    req: Request,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entity: Entity,
    denial: EntityActionDenial,
    meta: Record<string, unknown>,
  ): Promise<void>;
}

/** Builds the {@link EntityRouteGuards} over the plugin's services. */
export function createEntityRouteGuards(
  options: EntityRouteGuardOptions,
): EntityRouteGuards {
  const { catalog, permissions, auditor, logger } = options;
  return {
    async readEntity(req, credentials) {
      const ref = parseInput(entityParams, req.params, 'entity reference');
      const entity = await catalog.getEntityByRef(ref, { credentials });
      if (!entity)
        throw new NotFoundError(`Entity ${stringifyEntityRef(ref)} not found`);
      return entity;
    },

    async requirePermission(req, credentials, entity, denial, meta) {
      const { permission } = denial;
      const entityRef = stringifyEntityRef(entity);
      const resourceRef = deliveryTargetRef(entityRef, meta.environment);
      const [decision] = await permissions.authorize(
        [{ permission, resourceRef }],
        { credentials },
      );
      if (decision.result === AuthorizeResult.ALLOW) return;
      const error = new NotAllowedError(
        `You are not allowed to ${
          denial.action
        } ${entityRef} in ${meta.environment.slice(0, 64)} (${
          permission.name
        })`,
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

    async requireUncontested(req, credentials, entity, denial, meta) {
      if (!options.claims) return;
      const claims = await options.claims.check(entity);
      if (!claims.contested) return;
      const entityRef = stringifyEntityRef(entity);
      const error = new ConflictError(
        `Refused to ${denial.action} ${entityRef}: ${claims.conflicts
          .filter(c => c.refused)
          .map(c => c.message)
          .join(' ')}`,
      );
      const actor = credentials.principal.userEntityRef;
      const event = await auditor.createEvent({
        eventId: denial.eventId,
        severityLevel: 'medium',
        request: req,
        meta: {
          entityRef,
          ...meta,
          actor,
          outcome: 'contested',
          contested: claims.conflicts
            .filter(c => c.refused)
            .map(c => `${c.kind}:${c.name}`),
        },
      });
      await event.fail({ error });
      logger.info(`${denial.deniedLog}: contested claim`, { entityRef, actor });
      throw error;
    },
  };
}

/** An entity read for the read-only routes (view, diagnostics). */
export interface ReadableEntity {
  ref: string;
  /** The entity as the catalog returned it. */
  entity: Entity;
  /** The entity without the annotations of refused claims (what upstreams may be read for). */
  readable: Entity;
  claims?: DeliveryClaims;
  credentials: BackstageCredentials<
    BackstageUserPrincipal | BackstageServicePrincipal
  >;
}

/**
 * The prologue of the read-only routes: user or service credentials (401),
 * the route parameters (400), the entity read from the catalog as the
 * caller (404 when they cannot see it, and no upstream is touched), and
 * the release claims (a refused claim is never read with our credentials).
 */
export function createReadGuard(options: {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  claims?: ClaimsService;
}): (req: Request) => Promise<ReadableEntity> {
  const { httpAuth, catalog } = options;
  return async req => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const ref = parseInput(entityParams, req.params, 'entity reference');
    const entityRef = stringifyEntityRef(ref);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    const claims = await options.claims?.check(entity);
    const readable = claims ? withoutRefusedClaims(entity, claims) : entity;
    return { ref: entityRef, entity, readable, claims, credentials };
  };
}
