import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deliveryPromotePermission } from '@gitops-delivery/backstage-plugin-delivery-common';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { prodPreview, prodResult } from '../../__fixtures__/promotion';
import {
  findEnabledButton,
  freshEntity,
  renderWithDelivery,
} from '../../__testUtils__/renderWithDelivery';
import { xposerView } from '../../__fixtures__/xposerView';
import { PromoteButton } from './PromoteButton';

const prod = xposerView.environments[2];

function api() {
  return new FakeDeliveryApi(async () => xposerView, {
    previewPromotion: async () => prodPreview,
    promote: async () => prodResult(),
  });
}

describe('PromoteButton', () => {
  it('opens the dialog, and refreshes the view after the pull request', async () => {
    const onRefresh = jest.fn();
    const entity = freshEntity();
    await renderWithDelivery(
      <PromoteButton
        entity={entity}
        environment={prod}
        choice={{ version: 'v0.0.20' }}
      />,
      { api: api(), onRefresh, entity },
    );
    await userEvent.click(await findEnabledButton('Promote to prod'));
    const dialog = await screen.findByRole('dialog', {
      name: 'Promote xposer to prod',
    });
    await within(dialog).findByLabelText('Diff of Chart.yaml');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Open pull request' }),
    );
    await within(dialog).findByRole('link', { name: /^Pull request #12/ });
    expect(onRefresh).not.toHaveBeenCalled();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('is disabled with the reason when the user may not promote', async () => {
    const fake = api();
    const entity = freshEntity();
    await renderWithDelivery(
      <PromoteButton
        entity={entity}
        environment={prod}
        choice={{ version: 'v0.0.20' }}
      />,
      { api: fake, allow: [], entity },
    );
    expect(
      await screen.findByText('You need to own this entity to promote'),
    ).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Promote to prod' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'You need to own this entity to promote',
    );
    expect(fake.previewRequests).toEqual([]);
  });

  it('checks the promote permission on the entity (other permissions do not count)', async () => {
    const entity = freshEntity();
    await renderWithDelivery(
      <PromoteButton
        entity={entity}
        environment={prod}
        choice={{ version: 'v0.0.20' }}
      />,
      { api: api(), allow: [deliveryPromotePermission.name], entity },
    );
    expect(await findEnabledButton('Promote to prod')).toHaveTextContent(
      'Promote',
    );
  });

  it('is disabled with the reason when there is no version to promote', async () => {
    const entity = freshEntity();
    await renderWithDelivery(
      <PromoteButton
        entity={entity}
        environment={prod}
        choice={{ reason: 'Nothing runs in staging yet' }}
      />,
      { api: api(), entity },
    );
    expect(
      await screen.findByText('Nothing runs in staging yet'),
    ).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Promote to prod' });
    expect(button).toHaveAccessibleDescription('Nothing runs in staging yet');
  });

  it.each([
    [
      'an environment denial',
      'Your permissions do not allow you to promote to prod (delivery.promote is decided per environment)',
    ],
    [
      'a contested claim',
      'Release xposer is also claimed by component:default/xposer-copy. Actions on it are refused until an admin pins it in app-config (delivery.releases.xposer.entity: <entity ref>).',
    ],
  ])('is disabled with the server reason for %s', async (_what, reason) => {
    const entity = freshEntity();
    await renderWithDelivery(
      <PromoteButton
        entity={entity}
        environment={{
          ...prod,
          access: {
            promote: { allowed: false, reason },
            resync: { allowed: false, reason },
          },
        }}
        choice={{ version: 'v0.0.20' }}
      />,
      { api: api(), entity },
    );
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Promote to prod' }),
    ).toBeDisabled();
  });
});
