import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { createClaimsRecordAction } from '@gitops-delivery/backstage-plugin-scaffolder-backend-module-delivery';
import type { AddressInfo } from 'node:net';
import { deliveryPlugin } from '../../plugin';
import {
  sandboxAppConfig,
  startTestSandbox,
  TestSandbox,
} from '../../__testUtils__/sandbox';

jest.setTimeout(90_000);

/**
 * The scaffolder records a new service's claims (delivery:claims:record ->
 * POST /api/delivery/claims, as the scaffolder plugin) before the entity is
 * registered: a second service claiming the same release is then refused.
 */
describe('delivery:claims:record against the delivery backend', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('records the claims once; the same release for another entity is a 409', async () => {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: {
            ...sandboxAppConfig(sandbox.urls),
            catalog: { locations: [] },
          },
        }),
      ],
    });
    const port = (server.address() as AddressInfo).port;
    const action = createClaimsRecordAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: {
        getBaseUrl: async () => `http://localhost:${port}/api/delivery`,
        getExternalBaseUrl: async () => `http://localhost:${port}/api/delivery`,
      },
    });
    const input = {
      entityRef: 'component:default/payments',
      release: 'payments',
      chart: 'payments',
      image: '127.0.0.1:7103/stakater/payments',
      codeJob: 'stakater/payments/main',
    };
    await action.handler(createMockActionContext({ input }));

    const other = createMockActionContext({
      input: { ...input, entityRef: 'component:default/payments-copy' },
    });
    await expect(action.handler(other)).rejects.toThrow(
      /already belongs to component:default\/payments/,
    );

    // Only the scaffolder may record: another plugin's token is refused.
    const intruder = createClaimsRecordAction({
      auth: mockServices.auth({ pluginId: 'catalog' }),
      discovery: {
        getBaseUrl: async () => `http://localhost:${port}/api/delivery`,
        getExternalBaseUrl: async () => `http://localhost:${port}/api/delivery`,
      },
    });
    await expect(
      intruder.handler(
        createMockActionContext({
          input: {
            ...input,
            entityRef: 'component:default/x',
            release: 'x',
            chart: 'x',
            image: 'o/x',
            codeJob: 'o/x/main',
          },
        }),
      ),
    ).rejects.toThrow(/Only the scaffolder may record delivery claims/);
  });
});
