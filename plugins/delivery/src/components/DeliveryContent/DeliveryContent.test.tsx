import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactNode } from 'react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../../api';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { xposerEntity, xposerView } from '../../__fixtures__/xposerView';
import { DeliveryContent } from './DeliveryContent';

function renderTab(
  api: FakeDeliveryApi,
  entity: Entity = xposerEntity,
  children?: ReactNode,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[deliveryApiRef, api]]}>
      <EntityProvider entity={entity}>
        {children ?? <DeliveryContent />}
      </EntityProvider>
    </TestApiProvider>,
  );
}

async function notFound(): Promise<ResponseError> {
  const body = JSON.stringify({
    error: {
      name: 'NotFoundError',
      message: 'No entity component:default/xposer',
    },
    request: {
      method: 'GET',
      url: '/api/delivery/entities/default/component/xposer',
    },
    response: { statusCode: 404 },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: 404,
    statusText: 'Not Found',
    url: 'http://localhost:7007/api/delivery/entities/default/component/xposer',
    headers: new Headers({ 'content-type': 'application/json' }),
    redirected: false,
    type: 'basic',
    text: async () => body,
  });
}

describe('DeliveryContent', () => {
  it('renders the full view of xposer', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderTab(api);

    expect(
      await screen.findByRole('heading', { name: 'Environments' }),
    ).toBeInTheDocument();
    expect(api.viewRequests).toEqual([
      { namespace: 'default', kind: 'component', name: 'xposer' },
    ]);
    expect(
      screen.getByRole('img', { name: /^dev status: In sync\./ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^staging status: Drifted\./ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^prod status: In sync\./ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Lineage' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Lineage of v0.0.20')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Build #47: Failed' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Deploys (config Jenkins)')).toBeInTheDocument();
    expect(screen.getByText('Sources: 14 of 15 OK')).toBeInTheDocument();
    expect(
      screen.getAllByText(/Deploy Jenkins \(prod\): timeout/).length,
    ).toBeGreaterThan(0);
  });

  it('runs the setup check at the bottom when the view shows a problem', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderTab(api);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Setup check' }),
    ).toBeInTheDocument();
    // the prod deploy Jenkins timed out: worth checking at once
    expect(
      await screen.findByRole('img', { name: '1 error · 17 OK · 1 skipped' }),
    ).toBeInTheDocument();
    expect(api.diagnosticsRequests).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: 'Why? (prod status)' }),
    ).toBeInTheDocument();
  });

  it('leaves the setup check to the user when all is well', async () => {
    const view: DeliveryView = {
      ...xposerView,
      sources: Object.fromEntries(
        Object.keys(xposerView.sources).map(k => [k, { status: 'ok' }]),
      ),
    };
    const api = new FakeDeliveryApi(async () => view);
    await renderTab(api);
    expect(
      await screen.findByRole('button', { name: 'Run setup check' }),
    ).toBeInTheDocument();
    expect(api.diagnosticsRequests).toEqual([]);
  });

  it('reloads the view on Refresh', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderTab(api);
    const refresh = await screen.findByRole('button', {
      name: 'Refresh the delivery view',
    });
    await userEvent.click(refresh);
    await waitFor(() => expect(api.viewRequests).toHaveLength(2));
    await waitFor(() => expect(refresh).toBeEnabled());
    expect(
      screen.getByRole('heading', { name: 'Environments' }),
    ).toBeInTheDocument();
  });

  it('shows failed sources where their data would be and renders the rest', async () => {
    const view: DeliveryView = {
      ...xposerView,
      builds: [],
      versions: xposerView.versions.map(v => ({
        ...v,
        build: undefined,
        commit: undefined,
      })),
      sources: {
        ...xposerView.sources,
        codeJenkins: {
          status: 'error',
          error: {
            kind: 'timeout',
            message: 'code Jenkins "code" did not answer within 10000 ms',
          },
        },
        'cluster:dev': {
          status: 'error',
          error: {
            kind: 'unauthorized',
            message: 'Kubernetes API answered 401',
          },
        },
      },
    };
    await renderTab(new FakeDeliveryApi(async () => view));

    expect(
      (
        await screen.findAllByText(
          /Code Jenkins: timeout — code Jenkins "code" did not answer/,
        )
      ).length,
    ).toBe(2); // lineage and builds
    expect(screen.queryByText('Builds (code Jenkins)')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        /^Cluster \(dev\): unauthorized — Kubernetes API answered 401/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Sources: 12 of 15 OK')).toBeInTheDocument();
    expect(screen.getByText('Deploys (config Jenkins)')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^staging status: Drifted\./ }),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await renderTab(
      new FakeDeliveryApi(() => new Promise<DeliveryView>(() => {})),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('says what is missing when the service is not built and not in any config repo', async () => {
    const view: DeliveryView = {
      ...xposerView,
      versions: [],
      builds: [],
      deploys: [],
      environments: xposerView.environments.map(e => ({
        ...e,
        pinnedVersion: undefined,
        runningVersion: undefined,
        lastDeploy: undefined,
        status: 'unknown',
      })),
    };
    await renderTab(new FakeDeliveryApi(async () => view));
    expect(
      await screen.findByText(
        'xposer has not been built yet; xposer is not in any config repo yet',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /The code Jenkins job code:stakater\/xposer\/master has no build/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/set the delivery\/release annotation/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: '1 error · 17 OK · 1 skipped' }),
    ).toBeInTheDocument();
  });

  it('names the missing annotations and does not call the backend without them', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderTab(api, {
      ...xposerEntity,
      metadata: { name: 'bare', annotations: {} },
    });
    expect(await screen.findByText(/delivery\/code-job/)).toBeInTheDocument();
    expect(api.viewRequests).toEqual([]);
  });

  it('shows a backend error with advice and retries', async () => {
    let calls = 0;
    const api = new FakeDeliveryApi(async () => {
      calls += 1;
      if (calls === 1) throw await notFound();
      return xposerView;
    });
    await renderTab(api);
    expect(
      await screen.findByText(/Could not load the delivery view/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /check that @gitops-delivery\/backstage-plugin-delivery-backend is added/,
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Setup check' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(
        screen.getByRole('heading', { name: 'Environments' }),
      ).toBeInTheDocument(),
    );
  });

  it('renders the actions slot of every environment', async () => {
    await renderTab(
      new FakeDeliveryApi(async () => xposerView),
      xposerEntity,
      <DeliveryContent
        environmentActions={env => (
          <button type="button">Promote to {env.name}</button>
        )}
      />,
    );
    expect(
      await screen.findByRole('button', { name: 'Promote to prod' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: /^Promote to / }),
    ).toHaveLength(3);
  });
});
