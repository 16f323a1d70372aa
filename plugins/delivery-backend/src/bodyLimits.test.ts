import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { deliveryPlugin } from './plugin';
import {
  component,
  sandboxAppConfig,
  xposerAnnotations,
} from './__testUtils__/sandbox';

// Nothing listens on these: a body limit must answer before any upstream call.
const unreachable = Object.fromEntries(
  [
    'control',
    'jenkins-code',
    'jenkins-deploy',
    'nexus',
    'chartmuseum',
    'github',
    'kubernetes',
  ].map(k => [k, 'http://127.0.0.1:9']),
) as Parameters<typeof sandboxAppConfig>[0];

const path = '/api/delivery/entities/default/component/xposer';
const padded = (bytes: number, body: Record<string, unknown>) => ({
  ...body,
  padding: 'x'.repeat(bytes),
});

describe('per-route body limits of the whole plugin', () => {
  it.each([
    ['POST .../promotions', 64, `${path}/promotions`],
    ['POST .../promotions/preview', 64, `${path}/promotions/preview`],
    ['POST .../resync', 4, `${path}/resync`],
    ['POST /claims', 4, '/api/delivery/claims'],
  ])(
    '%s answers 413 above %i KiB, though other routers are mounted first',
    async (name, kib, url) => {
      const { server } = await startTestBackend({
        features: [
          deliveryPlugin,
          catalogServiceMock.factory({
            entities: [component('xposer', xposerAnnotations)],
          }),
          mockServices.rootConfig.factory({
            data: sandboxAppConfig(unreachable),
          }),
        ],
      });
      const res = await request(server)
        .post(url)
        .set(
          'Authorization',
          name === 'POST /claims'
            ? mockCredentials.service.header({
                onBehalfOf: mockCredentials.service('plugin:scaffolder'),
                targetPluginId: 'delivery',
              })
            : mockCredentials.user.header('user:default/guest'),
        )
        .send(
          padded(kib * 1024 + 512, { environment: 'dev', version: 'v0.0.20' }),
        );
      expect(res.status).toBe(413);
      expect(res.body.error.name).toBe('PayloadTooLargeError');
    },
  );
});
