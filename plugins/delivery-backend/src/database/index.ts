export { DatabasePromotionStore } from './DatabasePromotionStore';
export type {
  NewPromotionAttempt,
  PromotionAttemptResult,
  PromotionStore,
  StoredOutcome,
  TargetLockOptions,
} from './PromotionStore';
