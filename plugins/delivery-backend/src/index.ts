/**
 * The delivery backend plugin: one lineage per version across code Jenkins,
 * Nexus, ChartMuseum, config repos, deploy Jenkins and the cluster.
 *
 * @packageDocumentation
 */
export { deliveryPlugin as default } from './plugin';
export { readDeliveryConfig, findInstance } from './config';
export type * from './configTypes';
export type { DeliveryViewService } from './services/view';
export * from './permissions';
export { deliveryWebhooksModule } from './events/deliveryWebhooksModule';
export { DELIVERY_WEBHOOK_TOPICS } from './events/webhookValidators';
export { deliveryLiveUpdatesModule } from './services/liveUpdates/liveUpdatesModule';
