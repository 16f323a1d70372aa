export { deliveryApiRef } from './deliveryApiRef';
export { deliveryApiFactory } from './deliveryApiFactory';
