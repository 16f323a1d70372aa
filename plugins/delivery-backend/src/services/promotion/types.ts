import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeliveryView,
  PromotionPreview,
  PromotionRecord,
  PromotionResult,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { Request } from 'express';
import type { DeliveryAuditor } from '../shared';

/**
 * The facts gates are checked against: the delivery view of the entity
 * (versions with chart/image/build, environments with running versions).
 * The view service satisfies it structurally.
 */
export interface DeliveryFacts {
  getView(
    entity: Entity,
    options: { credentials: BackstageCredentials },
  ): Promise<DeliveryView>;
}

/** Input of {@link PromotionService.promote}. */
export interface PromoteInput {
  /** The entity, already read from the catalog as the caller. */
  entity: Entity;
  /** The caller; must be a user principal. Permission already checked by the router. */
  credentials: BackstageCredentials;
  environment: string;
  version: string;
  /** Optional YAML mapping merged under the release key of the values file. */
  values?: string;
  /** The HTTP request, for the audit event. */
  request?: Request;
}

/** Input of {@link PromotionService.preview}. */
export interface PreviewInput extends Omit<PromoteInput, 'request'> {
  /** Whether the caller holds `delivery.promote` on the entity (checked by the router). */
  allowed: boolean;
}

/**
 * Opens (never merges) the config-repo pull request that promotes a version
 * to an environment; idempotent and serialized per target.
 */
export interface PromotionService {
  promote(input: PromoteInput): Promise<PromotionResult>;
  /** What `promote` would do, without writing anything. */
  preview(input: PreviewInput): Promise<PromotionPreview>;
  listPromotions(
    entity: Entity,
    options?: { limit?: number },
  ): Promise<PromotionRecord[]>;
}

/** The auditor promotion uses (see {@link DeliveryAuditor}). */
export type PromotionAuditor = DeliveryAuditor;
