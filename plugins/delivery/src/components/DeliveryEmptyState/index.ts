export { DeliveryEmptyState } from './DeliveryEmptyState';
export type { DeliveryEmptyStateProps } from './DeliveryEmptyState';
