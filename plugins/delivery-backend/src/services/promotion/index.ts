export { createPromotionService } from './promotionService';
export type { PromotionServiceOptions } from './promotionService';
export type {
  DeliveryFacts,
  PromoteInput,
  PromotionAuditor,
  PromotionService,
  PreviewInput,
} from './types';
export { editPromotionFiles } from './promotionEdit';
export type { PromotionEdit, PromotionEditPlan } from './promotionEdit';
export { UnprocessableError } from '../../errors';
export { validateVersionInput } from './versionInput';
export { parseValuesInput } from './valuesInput';
export { editPin, findPin, inPinStyle } from './pinEdit';
export { editValues } from './valuesEdit';
export { evaluateGates } from './gates';
export type { GateResult } from './gates';
export { promotionBranchName } from './branchName';
export { parsePromotionMarker, promotionMarker } from './pullRequestText';
export { createPromotionRouter } from './promotionRoutes';
export type { PromotionRouterOptions } from './promotionRoutes';
