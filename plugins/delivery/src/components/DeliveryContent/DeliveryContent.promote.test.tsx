import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { prodPreview, prodResult } from '../../__fixtures__/promotion';
import {
  findEnabledButton,
  freshEntity,
  renderWithDelivery,
} from '../../__testUtils__/renderWithDelivery';
import { xposerView } from '../../__fixtures__/xposerView';
import { DeliveryContent } from './DeliveryContent';

describe('DeliveryContent actions', () => {
  it('promotes staging to prod from the tab and reloads the view afterwards', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      previewPromotion: async () => prodPreview,
      promote: async () => prodResult(),
    });
    const entity = freshEntity();
    await renderWithDelivery(<DeliveryContent />, { api, entity });

    await userEvent.click(await findEnabledButton('Promote to prod'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Promote xposer to prod',
    });
    await within(dialog).findByLabelText('Diff of Chart.yaml');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Open pull request' }),
    );
    expect(
      await within(dialog).findByRole('link', { name: /^Pull request #12/ }),
    ).toHaveAttribute('href', prodResult().url);
    expect(api.promoteRequests).toEqual([
      { environment: 'prod', version: 'v0.0.20', values: undefined },
    ]);
    expect(api.viewRequests).toHaveLength(1);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(api.viewRequests).toHaveLength(2));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('offers Promote <version> to <env> on the selected version', async () => {
    const api = new FakeDeliveryApi(async () => xposerView);
    await renderWithDelivery(<DeliveryContent />, {
      api,
      entity: freshEntity(),
    });
    expect(
      await findEnabledButton('Promote v0.0.20 to prod'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Promote v0.0.20 to dev' }),
    ).toBeDisabled();
  });
});
