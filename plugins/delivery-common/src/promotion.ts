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
