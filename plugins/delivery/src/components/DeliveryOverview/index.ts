export { DeliveryOverview, DeliveryOverviewPage } from './DeliveryOverviewPage';
export { DeliveryOverviewContent } from './DeliveryOverviewContent';
