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
import { RollbackButton } from './RollbackButton';

const [dev, staging] = xposerView.environments;

describe('RollbackButton', () => {
  it('previews promoting the previously deployed version through the promote dialog', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      previewPromotion: async (_e, req) => ({
        ...prodPreview,
        environment: req.environment,
        version: req.version,
        previousVersion: 'v0.0.20',
      }),
    });
    const entity = freshEntity();
    await renderWithDelivery(
      <RollbackButton entity={entity} environment={dev} view={xposerView} />,
      {
        api,
        entity,
      },
    );

    await userEvent.click(await findEnabledButton('Roll back dev to v0.0.19'));

    const dialog = await screen.findByRole('dialog', {
      name: 'Roll back xposer in dev',
    });
    await within(dialog).findByRole('list', { name: 'Promotion gates' });
    expect(api.previewRequests).toEqual([
      { environment: 'dev', version: 'v0.0.19', values: undefined },
    ]);
    expect(
      within(dialog).getByText(/previously deployed to dev/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Open pull request' }),
    ).toBeEnabled();
  });

  it('is disabled with the reason when no earlier version was deployed', async () => {
    const entity = freshEntity();
    await renderWithDelivery(
      <RollbackButton
        entity={entity}
        environment={staging}
        view={xposerView}
      />,
      { api: new FakeDeliveryApi(async () => xposerView), entity },
    );
    expect(
      await screen.findByText(
        'No earlier version was deployed successfully to staging',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Roll back staging' }),
    ).toBeDisabled();
  });
});
