import { deliveryApiRef, deliveryPlugin, EntityDeliveryContent } from '.';

describe('delivery plugin (legacy frontend system)', () => {
  it('exports the plugin, its tab and the api ref', () => {
    expect(deliveryPlugin.getId()).toBe('delivery');
    expect(EntityDeliveryContent).toBeDefined();
    expect(deliveryApiRef.id).toBe('plugin.delivery.api');
  });
});
