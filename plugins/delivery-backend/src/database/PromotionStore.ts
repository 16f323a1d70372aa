import type { PromotionRecord } from '@gitops-delivery/backstage-plugin-delivery-common';

/** Outcome of an attempt while it runs, then its final outcome. */
export type StoredOutcome = PromotionRecord['outcome'] | 'pending';

/** A new attempt to record. */
export interface NewPromotionAttempt {
  entityRef: string;
  environment: string;
  release: string;
  fromVersion?: string;
  toVersion: string;
  actor: string;
}

/** The final state of an attempt. */
export interface PromotionAttemptResult {
  outcome: PromotionRecord['outcome'];
  fromVersion?: string;
  message?: string;
  pullRequestUrl?: string;
}

/** Options of {@link PromotionStore.withTargetLock}. */
export interface TargetLockOptions {
  /** Lease lifetime; renewed while the holder runs (default 60 s). */
  leaseMs?: number;
  /** How long to wait for the lease before giving up (default 30 s). */
  waitMs?: number;
}

/**
 * Persistence of promotion attempts and the cross-replica lock that
 * serializes promotes to one target (config repo + file).
 */
export interface PromotionStore {
  /** Records an attempt as `pending`; returns its id. */
  startAttempt(attempt: NewPromotionAttempt): Promise<string>;
  /** Stores the final outcome of an attempt. */
  finishAttempt(id: string, result: PromotionAttemptResult): Promise<void>;
  /** Newest first. Attempts still `pending` are reported as `failed` (interrupted). */
  listPromotions(
    entityRef: string,
    options?: { limit?: number },
  ): Promise<PromotionRecord[]>;
  /**
   * Runs `fn` while holding the lease on `target`; waits for it when another
   * replica holds it. Throws `ConflictError` when the wait times out.
   */
  withTargetLock<T>(
    target: string,
    fn: () => Promise<T>,
    options?: TargetLockOptions,
  ): Promise<T>;
}
