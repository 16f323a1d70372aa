export { DeliveryPerformance } from './DeliveryPerformance';
export type { DeliveryPerformanceProps } from './DeliveryPerformance';
