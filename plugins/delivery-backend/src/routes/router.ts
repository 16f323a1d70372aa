import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { PermissionRuleset } from '@backstage/plugin-permission-node';
import type { DeliveryDiagnostics } from '@gitops-delivery/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import type { DeliveryConfig } from '../configTypes';
import type { DeliveryTarget } from '../permissions';
import type { HistoryReader } from '../services/history/types';
import type { ClaimsService } from '../services/claims';
import type { PromotionService } from '../services/promotion';
import type { ResyncService } from '../services/resync';
import type { DeliveryAuditor } from '../services/shared';
import type { DeliveryViewService } from '../services/view';
import { createClaimRouter } from './claimRoutes';
import { createDiagnosticsRouter } from './diagnosticsRoutes';
import { createReadGuard } from './guards';
import { createHistoryRouter } from './historyRoutes';
import { createPromotionRouter } from './promotionRoutes';
import { createResyncRouter } from './resyncRoutes';
import { createViewRouter } from './viewRoutes';
import { createBuildsRouter } from './buildsRoutes';

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  logger: LoggerService;
  permissions: PermissionsService;
  auditor: DeliveryAuditor;
  config: Pick<
    DeliveryConfig,
    'nexus' | 'chartMuseum' | 'codeJenkins' | 'environments' | 'history'
  >;
  view: DeliveryViewService;
  promotions: PromotionService;
  resync: ResyncService;
  /**
   * Release claims: the view names contested ones, the actions refuse them
   * (409) and the scaffolder records new ones (`POST /claims`).
   */
  claims: ClaimsService;
  /** The delivery doctor (GET .../diagnostics); absent: the route answers 404. */
  diagnose?: (entity: Entity) => Promise<DeliveryDiagnostics>;
  /**
   * The recorded delivery history (GET .../performance and GET /overview);
   * absent: those routes answer 404.
   */
  history?: HistoryReader;
  /**
   * The plugin's `delivery-target` permission rules (the registry's
   * ruleset), for the view's buttons; absent: decided per target by
   * `authorize`.
   */
  deliveryTargetRules?: PermissionRuleset<DeliveryTarget>;
}

/**
 * The delivery HTTP API (mounted at `/api/delivery`, documented in
 * `src/schema/openapi.yaml`): one router per route group (view,
 * diagnostics, history, promotions, re-sync, claims), all behind the same guards
 * (`./guards`: zod input parsing, credentials, the entity read as the
 * caller, permission, audit). No body parser at this level: each mutating
 * route has its own size limit.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  const readEntity = createReadGuard(options);
  router.use(await createDiagnosticsRouter({ ...options, readEntity }));
  router.use(await createViewRouter({ ...options, readEntity }));
  router.use(await createBuildsRouter({ ...options, readEntity }));
  router.use(await createHistoryRouter({ ...options, readEntity }));
  router.use(await createPromotionRouter(options));
  router.use(await createResyncRouter(options));
  router.use(await createClaimRouter(options));
  return router;
}
