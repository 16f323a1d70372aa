export type { DeliveryViewService } from './types';
export { DefaultDeliveryViewService } from './DefaultDeliveryViewService';
export { viewEtagStore } from './cache';
