import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { OverviewRow } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../../api';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { answerOverview, overviewRows } from '../../__fixtures__/overview';
import { xposerView } from '../../__fixtures__/xposerView';
import { DeliveryOverview, DeliveryOverviewPage } from './DeliveryOverviewPage';

function renderOverview(
  api: FakeDeliveryApi,
  url = '/delivery',
  catalogAt: string | null = '/catalog/:namespace/:kind/:name',
) {
  return renderInTestApp(
    <TestApiProvider apis={[[deliveryApiRef, api]]}>
      <DeliveryOverview />
    </TestApiProvider>,
    {
      initialRouteEntries: [url],
      mountedRoutes: catalogAt
        ? { [catalogAt]: convertLegacyRouteRef(entityRouteRef) }
        : {},
    },
  );
}

const rows = () => screen.getAllByTestId('overview-row');
const serviceNames = () =>
  rows().map(r => within(r).getAllByRole('link')[0].textContent);
const lastQuery = (api: FakeDeliveryApi) =>
  api.overviewRequests[api.overviewRequests.length - 1];

async function choose(label: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(`^${label}`) }),
  );
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('DeliveryOverview', () => {
  it('lists every service by environment with its DORA summary', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api);

    await waitFor(() => expect(rows()).toHaveLength(12));
    expect(api.overviewRequests).toEqual([{ offset: 0, limit: 25 }]);
    expect(screen.getByTestId('overview-summary')).toHaveTextContent(
      '12 services with delivery annotations',
    );
    for (const env of ['dev', 'staging', 'prod']) {
      expect(
        screen.getByRole('columnheader', { name: env }),
      ).toBeInTheDocument();
    }
    const xposer = rows().find(r => within(r).queryByText('xposer'))!;
    expect(
      within(xposer).getByRole('img', { name: 'xposer in staging: Drifted' }),
    ).toBeInTheDocument();
    expect(
      within(xposer).getByRole('img', {
        name: 'xposer in prod: Deploy failed',
      }),
    ).toBeInTheDocument();
    expect(within(xposer).getByText(/1 open promotion PR/)).toBeInTheDocument();
    expect(
      within(xposer).getByText(
        /1\.3 \/ week · lead 28 h · CFR 11% · restore 7 h/,
      ),
    ).toBeInTheDocument();
    expect(
      within(xposer).getByRole('img', { name: 'xposer overall: High band' }),
    ).toBeInTheDocument();
    // a pin and an image tag that differ only by the `v` are one version
    const recs = rows().find(r => within(r).queryByText('recommendations'))!;
    expect(
      within(recs).getByText('0.3.0', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(within(recs).queryByText(/running/)).toBeNull();
    const cart = rows().find(r => within(r).queryByText('cart-service'))!;
    expect(within(cart).getByText(/running/)).toBeInTheDocument();
    // a service with no production history says so instead of showing zeros
    const payments = rows().find(r => within(r).queryByText('payments-api'))!;
    expect(
      within(payments).getByText('no production history yet'),
    ).toBeInTheDocument();
  });

  it('links each service to its Delivery tab', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api);

    const link = await screen.findByRole('link', {
      name: 'xposer: open its Delivery tab',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/xposer/delivery',
    );
  });

  it('links through the catalog wherever the app mounts it', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api, '/delivery', '/services/:namespace/:kind/:name');

    const link = await screen.findByRole('link', {
      name: 'xposer: open its Delivery tab',
    });
    expect(link).toHaveAttribute(
      'href',
      '/services/default/component/xposer/delivery',
    );
  });

  it("links to the catalog's default path in an app without the catalog", async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api, '/delivery', null);

    const link = await screen.findByRole('link', {
      name: 'xposer: open its Delivery tab',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/xposer/delivery',
    );
  });

  it('filters by owner, system and status on the server', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api);
    await waitFor(() => expect(rows()).toHaveLength(12));

    await choose('Owner', 'team-payments');
    await waitFor(() =>
      expect(serviceNames()).toEqual([
        'billing-api',
        'fraud-scoring',
        'ledger',
        'payments-api',
      ]),
    );
    expect(lastQuery(api)).toEqual({
      owner: 'group:default/team-payments',
      offset: 0,
      limit: 25,
    });

    await choose('Owner', 'Any');
    await choose('System', 'platform');
    await choose('Status', 'Drifted (3)');
    await waitFor(() =>
      expect(serviceNames()).toEqual([
        'inventory-sync',
        'routing-controller',
        'xposer',
      ]),
    );
    expect(lastQuery(api)).toEqual({
      system: 'system:default/platform',
      status: ['drifted'],
      offset: 0,
      limit: 25,
    });
    expect(screen.getByTestId('overview-summary')).toHaveTextContent(
      '3 services match these filters',
    );
  });

  it('shows what is not in sync in one click, and back', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api);
    const button = await screen.findByRole('button', {
      name: 'Not in sync (10 environments)',
    });
    expect(button).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(button);

    await waitFor(() => expect(rows()).toHaveLength(8));
    expect(lastQuery(api)).toEqual({ notInSync: true, offset: 0, limit: 25 });
    expect(serviceNames()).not.toContain('ledger');
    expect(
      screen.getByRole('button', { name: /^Not in sync/ }),
    ).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(rows()).toHaveLength(12));
  });

  it('reads the filters from the URL', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(
      api,
      '/delivery?notInSync=true&owner=group%3Adefault%2Fteam-shop',
    );

    await waitFor(() =>
      expect(serviceNames()).toEqual([
        'cart-service',
        'catalog-search',
        'checkout-web',
      ]),
    );
    expect(api.overviewRequests[0]).toEqual({
      owner: 'group:default/team-shop',
      notInSync: true,
      offset: 0,
      limit: 25,
    });
  });

  it('searches once the user stops typing', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderOverview(api);
    await waitFor(() => expect(rows()).toHaveLength(12));

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search services' }),
      'cart',
    );

    await waitFor(() => expect(serviceNames()).toEqual(['cart-service']));
    expect(api.overviewRequests.filter(q => q.search)).toEqual([
      { search: 'cart', offset: 0, limit: 25 },
    ]);
  });

  it('pages 2,000 services on the server and renders one page', async () => {
    const many: OverviewRow[] = Array.from({ length: 2000 }, (_, i) => ({
      ...overviewRows[i % overviewRows.length],
      entityRef: `component:default/service-${String(i).padStart(4, '0')}`,
      title: `service-${String(i).padStart(4, '0')}`,
    }));
    const api = new FakeDeliveryApi(async () => xposerView, {
      getOverview: async query => answerOverview(query, many),
    });
    await renderOverview(api);

    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.getByText('1-25 of 2000')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));

    await waitFor(() => expect(serviceNames()[0]).toBe('service-0025'));
    expect(lastQuery(api)).toEqual({ offset: 25, limit: 25 });
    expect(rows()).toHaveLength(25);
  });

  it('says when no service matches, and when nothing is recorded', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      getOverview: async query => answerOverview(query, []),
    });
    await renderOverview(api);
    expect(
      await screen.findByText('No delivery snapshot recorded yet'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /^Not in sync/ }));
    expect(
      await screen.findByText('No service matches these filters'),
    ).toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    let calls = 0;
    const api = new FakeDeliveryApi(async () => xposerView, {
      getOverview: async query => {
        calls += 1;
        if (calls === 1) throw new Error('snapshot store unavailable');
        return answerOverview(query);
      },
    });
    await renderOverview(api);

    expect(
      await screen.findByText('snapshot store unavailable'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(12));
  });

  it('is a full page with its own header in the legacy frontend system', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderInTestApp(
      <TestApiProvider apis={[[deliveryApiRef, api]]}>
        <DeliveryOverviewPage />
      </TestApiProvider>,
    );

    expect(
      await screen.findByRole('heading', { name: 'Delivery overview' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(rows()).toHaveLength(12));
  });
});
