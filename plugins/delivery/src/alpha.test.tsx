import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import plugin, {
  deliveryApi,
  deliveryEntityContent,
  deliveryOverviewPage,
} from './alpha';
import { xposerEntity } from './__fixtures__/xposerView';

describe('delivery plugin (new frontend system)', () => {
  it('is the delivery plugin', () => {
    expect(plugin.pluginId).toBe('delivery');
  });

  it('provides the delivery client', () => {
    const factory = createExtensionTester(deliveryApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.delivery.api');
  });

  it('adds a Delivery tab only to entities with delivery annotations', () => {
    const tester = createExtensionTester(deliveryEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('delivery');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Delivery');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(xposerEntity)).toBe(true);
    expect(
      filter({ ...xposerEntity, metadata: { name: 'bare', annotations: {} } }),
    ).toBe(false);
  });

  it('adds the overview page at /delivery, titled for the navigation', () => {
    const tester = createExtensionTester(deliveryOverviewPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/delivery');
    expect(tester.get(coreExtensionData.title)).toBe('Delivery');
    expect(tester.get(coreExtensionData.icon)).toBeTruthy();
    expect(tester.get(coreExtensionData.routeRef)).toBe(plugin.routes.root);
  });
});
