import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { deliveryApiRef } from '../../api';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { xposerEntity, xposerView } from '../../__fixtures__/xposerView';
import {
  emptyPerformance,
  xposerPerformance,
} from '../../__fixtures__/xposerPerformance';
import { DeliveryPerformance } from './DeliveryPerformance';

function renderSection(api: FakeDeliveryApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[deliveryApiRef, api]]}>
      <DeliveryPerformance entity={xposerEntity} />
    </TestApiProvider>,
  );
}

const figure = (id: string) => screen.getByTestId(`${id}-figure`);

describe('DeliveryPerformance', () => {
  it('shows the four keys of the last 90 days with their bands', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderSection(api);

    await waitFor(() =>
      expect(figure('deployment-frequency')).toHaveTextContent('1.5 / week'),
    );
    expect(api.performanceRequests).toEqual([
      {
        entity: { namespace: 'default', kind: 'component', name: 'xposer' },
        days: 90,
      },
    ]);
    expect(figure('lead-time')).toHaveTextContent('33.5 h');
    expect(figure('change-failure-rate')).toHaveTextContent('28.6%');
    expect(figure('time-to-restore')).toHaveTextContent('16.5 h');
    expect(
      screen.getByText(
        '19 successful deploys of a new version to prod in 90 days',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '6 of 21 deploys of a new version failed, were rolled back or broke prod',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Deployment frequency: High band' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Time to restore: Elite band' }),
    ).toBeInTheDocument();
    // history covers the whole period: no notice
    expect(screen.queryByTestId('history-notice')).not.toBeInTheDocument();
    // each chart's text alternative: a table of its points
    expect(
      screen.getByRole('table', { name: 'Deploys to prod per week' }),
    ).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('table', { name: 'Median lead time per week' }),
      ).getAllByRole('row'),
    ).toHaveLength(1 + 13);
  });

  it('loads another period when one is chosen', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderSection(api);
    await waitFor(() =>
      expect(figure('deployment-frequency')).toHaveTextContent('1.5 / week'),
    );

    await userEvent.click(screen.getByRole('button', { name: '30 days' }));

    await waitFor(() =>
      expect(figure('deployment-frequency')).toHaveTextContent('1.4 / week'),
    );
    expect(api.performanceRequests.map(r => r.days)).toEqual([90, 30]);
    expect(screen.getByRole('button', { name: '30 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(figure('change-failure-rate')).toHaveTextContent('16.7%');
    // 30 days: the frequency chart is per day, one row per day in its table
    expect(
      within(
        screen.getByRole('table', { name: 'Deploys to prod per day' }),
      ).getAllByRole('row'),
    ).toHaveLength(1 + 30);
  });

  it('says which part of a long period precedes the recorded history', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderSection(api);
    await userEvent.click(
      await screen.findByRole('button', { name: '180 days' }),
    );

    expect(await screen.findByTestId('history-notice')).toHaveTextContent(
      'History is recorded since 2026-06-15: the first 14 days of this period are unknown, not counted as zero.',
    );
    expect(figure('deployment-frequency')).toHaveTextContent('1.4 / week');
  });

  it('drills down from a figure to the deploys, changes and incidents it counts', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderSection(api);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Show the 19 deploys' }),
    );
    const deploys = screen.getByRole('region', {
      name: /Deploys counted by the deployment frequency \(19\)/,
    });
    // the first page of 10 of the 19, each linking to its run
    const runLinks = within(deploys).getAllByRole('link', {
      name: /Deploy run #\d+ in Jenkins/,
    });
    expect(runLinks).toHaveLength(10);
    expect(within(deploys).getAllByText('1-10 of 19').length).toBeGreaterThan(
      0,
    );
    expect(runLinks[0]).toHaveAttribute(
      'href',
      expect.stringMatching(/job\/deploy-prod\/\d+\/$/),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Show the 21 deploys, 6 failed' }),
    );
    expect(
      screen.queryByRole('region', { name: /deployment frequency/ }),
    ).not.toBeInTheDocument();
    const failures = screen.getByRole('region', {
      name: /change failure rate \(6 failed of 21\)/,
    });
    expect(
      within(failures).getAllByText(/helm upgrade timed out/).length,
    ).toBeGreaterThan(0);
    expect(
      within(failures).getAllByText(/kubectl set image/).length,
    ).toBeGreaterThan(0);
    expect(within(failures).getAllByText('Rolled back').length).toBeGreaterThan(
      0,
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Show the 38 changes' }),
    );
    const changes = screen.getByRole('region', {
      name: /Changes counted by the lead time \(38\)/,
    });
    expect(
      within(changes).getAllByText(/seen in the cluster|end of the deploy run/)
        .length,
    ).toBe(10);

    await userEvent.click(
      screen.getByRole('button', { name: 'Show the 5 incidents' }),
    );
    const incidents = screen.getByRole('region', {
      name: /Incidents counted by the time to restore \(5\)/,
    });
    expect(within(incidents).getByText('still open')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Hide the 5 incidents' }),
    );
    expect(screen.queryByRole('region', { name: /Incidents/ })).toBeNull();
  });

  it('says what is missing when no production deploy is recorded, never 0', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      getPerformance: async (_entity, options) =>
        emptyPerformance(options?.days),
    });
    await renderSection(api);

    expect(await screen.findByTestId('history-notice')).toHaveTextContent(
      'No prod deploys of a new version recorded yet; history is recorded since 2026-11-27.',
    );
    expect(screen.queryByTestId('deployment-frequency-figure')).toBeNull();
    expect(screen.queryByText(/^0/)).toBeNull();
  });

  it('says when nothing was ever recorded', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      getPerformance: async () => ({
        ...emptyPerformance(90),
        historySince: undefined,
        collectedAt: undefined,
      }),
    });
    await renderSection(api);

    expect(await screen.findByTestId('history-notice')).toHaveTextContent(
      'Nothing is recorded yet for this service: the delivery history collector has not run for it.',
    );
  });

  it('shows a figure with nothing to measure as not measured', async () => {
    const base = xposerPerformance(30);
    const api = new FakeDeliveryApi(async () => xposerView, {
      getPerformance: async () => ({
        ...base,
        timeToRestore: {
          medianHours: null,
          trend: [],
          incidents: base.timeToRestore.incidents.filter(i => !i.restoredAt),
        },
      }),
    });
    await renderSection(api);

    await waitFor(() =>
      expect(figure('time-to-restore')).toHaveTextContent('—'),
    );
    expect(
      screen.getByText(
        'Not measured: no failure or drift of prod was restored in this period (1 still open)',
      ),
    ).toBeInTheDocument();
  });

  it('shows the error and retries', async () => {
    let calls = 0;
    const api = new FakeDeliveryApi(async () => xposerView, {
      getPerformance: async (_entity, options) => {
        calls += 1;
        if (calls === 1) throw new Error('history store unavailable');
        return xposerPerformance(options?.days);
      },
    });
    await renderSection(api);

    expect(
      await screen.findByText('history store unavailable'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(figure('deployment-frequency')).toHaveTextContent('1.5 / week'),
    );
  });
});
