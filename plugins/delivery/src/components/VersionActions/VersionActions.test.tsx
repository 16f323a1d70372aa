import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { prodPreview } from '../../__fixtures__/promotion';
import {
  findEnabledButton,
  freshEntity,
  renderWithDelivery,
} from '../../__testUtils__/renderWithDelivery';
import { xposerView } from '../../__fixtures__/xposerView';
import { VersionActions } from './VersionActions';

const v19 = xposerView.versions.find(v => v.version === 'v0.0.19')!;

describe('VersionActions', () => {
  it('promotes the selected version to any environment that does not pin it yet', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      previewPromotion: async (_e, req) => ({
        ...prodPreview,
        ...req,
        previousVersion: '0.0.8',
      }),
    });
    const entity = freshEntity();
    await renderWithDelivery(
      <VersionActions lineage={v19} view={xposerView} />,
      {
        api,
        entity,
      },
    );

    expect(
      await findEnabledButton('Promote v0.0.19 to dev'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Promote v0.0.19 to staging' }),
    ).toBeDisabled();
    expect(
      screen.getByText('staging already pins v0.0.19'),
    ).toBeInTheDocument();

    await userEvent.click(await findEnabledButton('Promote v0.0.19 to prod'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Promote xposer to prod',
    });
    await within(dialog).findByRole('list', { name: 'Promotion gates' });
    expect(api.previewRequests).toEqual([
      { environment: 'prod', version: 'v0.0.19', values: undefined },
    ]);
  });
});
