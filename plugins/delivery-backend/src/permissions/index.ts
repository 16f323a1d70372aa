export {
  createDeliveryTargetConditionalDecision,
  deliveryTargetConditions,
  deliveryTargetPermissionRules,
  deliveryTargetResourceRef,
  deliveryTargetRules,
  type DeliveryTarget,
  type DeliveryTargetQuery,
} from './deliveryTarget';
