/** Body of `POST .../promotions`. @public */
export interface PromotionRequest {
  environment: string;
  version: string;
  /**
   * Optional YAML mapping deep-merged into the release's values file
   * (under the release's own nesting). Validated as YAML before sending.
   */
  values?: string;
}

/** Answer of `POST .../promotions`. @public */
export interface PromotionResult {
  environment: string;
  version: string;
  previousVersion?: string;
  url: string;
  number: number;
  branch: string;
  /** False when an open PR for the same target and version was reused. */
  created: boolean;
}

/** A stored promotion attempt, `GET .../promotions`. @public */
export interface PromotionRecord {
  id: string;
  entityRef: string;
  environment: string;
  fromVersion?: string;
  toVersion: string;
  actor: string;
  createdAt: string;
  outcome: 'created' | 'reused' | 'refused' | 'failed';
  message?: string;
  pullRequestUrl?: string;
}

/** Answer of `POST .../resync`. @public */
export interface ResyncResult {
  environment: string;
  /** Jenkins queue item URL of the deploy run. */
  queueUrl: string;
  /** False when a deploy was already running and nothing new was queued. */
  queued: boolean;
}

/** One promotion gate and whether the version passes it. @public */
export interface PromotionGateResult {
  /** `chart-exists` | `image-exists` | `build-succeeded` | `running-in-previous` */
  rule: string;
  ok: boolean;
  message: string;
}

/** One file of the change a promotion would propose. @public */
export interface PromotionFileChange {
  path: string;
  /** Unified diff of the file (only the pin line, and requested values). */
  patch: string;
  url?: string;
}

/**
 * Answer of `POST .../promotions/preview`: what a promotion would do,
 * without writing anything.
 * @public
 */
export interface PromotionPreview {
  environment: string;
  version: string;
  previousVersion?: string;
  /** False when the caller lacks `delivery.promote` on the entity. */
  allowed: boolean;
  gates: PromotionGateResult[];
  changes: PromotionFileChange[];
  /** An open promotion PR for the same target and version, if any. */
  existingPullRequest?: { url: string; number: number };
  /** Why the promotion cannot proceed, if it cannot (first failed gate, no diff, ...). */
  blockedReason?: string;
}
