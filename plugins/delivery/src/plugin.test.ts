import {
  deliveryApiRef,
  deliveryPlugin,
  DeliveryOverviewPage,
  EntityDeliveryContent,
  rootRouteRef,
} from '.';

describe('delivery plugin (legacy frontend system)', () => {
  it('exports the plugin, its tab and the api ref', () => {
    expect(deliveryPlugin.getId()).toBe('delivery');
    expect(EntityDeliveryContent).toBeDefined();
    expect(deliveryApiRef.id).toBe('plugin.delivery.api');
  });

  it('exports the overview page, mounted on the root route', () => {
    expect(DeliveryOverviewPage).toBeDefined();
    expect(deliveryPlugin.routes.root).toBe(rootRouteRef);
  });
});
