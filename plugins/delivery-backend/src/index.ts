export { deliveryPlugin as default } from './plugin';
