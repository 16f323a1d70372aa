import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { deliveryPlugin } from './plugin';
import { openApiValidator } from './__testUtils__/openapi';
import {
  component,
  sandboxAppConfig,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from './__testUtils__/sandbox';

jest.setTimeout(60_000);

describe('deliveryPlugin on the sandbox', () => {
  let sandbox: TestSandbox;
  const validate = openApiValidator();

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('serves the view and a promotion, both as documented in the OpenAPI file', async () => {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        catalogServiceMock.factory({
          entities: [component('xposer', xposerAnnotations)],
        }),
        mockServices.rootConfig.factory({
          data: sandboxAppConfig(sandbox.urls),
        }),
      ],
    });
    const user = mockCredentials.user.header('user:default/guest');
    const path = '/api/delivery/entities/default/component/xposer';

    const before = await request(server).get(path).set('Authorization', user);
    expect(before.status).toBe(200);
    expect(validate('DeliveryView', before.body)).toBeNull();
    expect(before.body.environments[1]).toMatchObject({
      name: 'staging',
      status: 'in-sync',
      openPromotions: [],
    });

    const promote = await request(server)
      .post(`${path}/promotions`)
      .set('Authorization', user)
      .send({ environment: 'staging', version: 'v0.0.21' });
    expect(promote.status).toBe(201);
    expect(validate('PromotionResult', promote.body)).toBeNull();
    expect(promote.body).toMatchObject({
      environment: 'staging',
      version: 'v0.0.21',
      created: true,
    });

    const list = await request(server)
      .get(`${path}/promotions`)
      .set('Authorization', user);
    expect(list.status).toBe(200);
    expect(validate('PromotionRecord', list.body.items[0])).toBeNull();
  });

  it('serves the promotion preview and a re-sync, as documented', async () => {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        catalogServiceMock.factory({
          entities: [component('xposer', xposerAnnotations)],
        }),
        mockServices.rootConfig.factory({
          data: sandboxAppConfig(sandbox.urls),
        }),
      ],
    });
    const user = mockCredentials.user.header('user:default/guest');
    const path = '/api/delivery/entities/default/component/xposer';

    const preview = await request(server)
      .post(`${path}/promotions/preview`)
      .set('Authorization', user)
      .send({ environment: 'prod', version: 'v0.0.20' });
    expect(preview.status).toBe(200);
    expect(validate('PromotionPreview', preview.body)).toBeNull();
    expect(preview.body).toMatchObject({
      allowed: true,
      previousVersion: '0.0.19',
    });
    expect(preview.body.changes[0].path).toBe('Chart.yaml');

    const resync = await request(server)
      .post(`${path}/resync`)
      .set('Authorization', user)
      .send({ environment: 'dev' });
    expect([200, 202]).toContain(resync.status);
    expect(validate('ResyncResult', resync.body)).toBeNull();
    expect(
      (
        await request(server)
          .post(`${path}/resync`)
          .set('Authorization', mockCredentials.none.header())
          .send({ environment: 'dev' })
      ).status,
    ).toBe(401);
  });
});
