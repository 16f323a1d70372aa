export { createPromotionService } from './promotionService';
export type { PromotionServiceOptions } from './promotionService';
export type {
  DeliveryFacts,
  PromoteInput,
  PromotionAuditor,
  PromotionService,
  PreviewInput,
} from './types';
