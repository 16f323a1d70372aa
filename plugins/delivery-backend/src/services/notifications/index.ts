export { DeliveryNotifier } from './DeliveryNotifier';
export {
  deliveryTabLink,
  promotionOpenEvent,
  promotionRunningEvent,
  statusEvent,
} from './deliveryEvents';
export type { DeliveryEvent, DeliveryEventKind } from './deliveryEvents';
