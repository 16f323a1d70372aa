import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { xposerView } from '../__fixtures__/xposerView';
import { deliveryApiFactory } from './deliveryApiFactory';

describe('deliveryApiFactory', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const api = deliveryApiFactory.factory({
    discoveryApi: mockApis.discovery.mock({
      getBaseUrl: async pluginId => `http://localhost:7007/api/${pluginId}`,
    }),
    fetchApi: mockApis.fetch(),
  });

  it('reads the view from the delivery backend through discovery and fetch', async () => {
    server.use(
      http.get(
        'http://localhost:7007/api/delivery/entities/default/component/xposer',
        () => HttpResponse.json(xposerView),
      ),
    );
    const view = await api.getView({
      namespace: 'default',
      kind: 'component',
      name: 'xposer',
    });
    expect(view.environments.map(e => e.name)).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });

  it('turns an error answer into a ResponseError', async () => {
    server.use(
      http.get('http://localhost:7007/api/delivery/entities/*', () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No such entity' },
            request: { method: 'GET', url: '/entities/default/component/nope' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await api
      .getView({ namespace: 'default', kind: 'component', name: 'nope' })
      .catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).statusCode).toBe(404);
  });
});
