import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { responseError } from '../../__fixtures__/promotion';
import {
  findEnabledButton,
  freshEntity,
  renderWithDelivery,
} from '../../__testUtils__/renderWithDelivery';
import { xposerView } from '../../__fixtures__/xposerView';
import { ResyncButton } from './ResyncButton';

const staging = xposerView.environments[1];
const QUEUE = 'http://127.0.0.1:7102/queue/item/42/';

async function renderButton(
  api: FakeDeliveryApi,
  options: { allow?: string[]; onRefresh?: () => void } = {},
) {
  const entity = freshEntity();
  await renderWithDelivery(
    <ResyncButton entity={entity} environment={staging} />,
    {
      api,
      entity,
      ...options,
    },
  );
}

async function confirm() {
  await userEvent.click(await findEnabledButton('Re-sync staging'));
  const dialog = await screen.findByRole('dialog', { name: 'Re-sync staging' });
  expect(dialog).toHaveAccessibleDescription(
    /re-runs the config-Jenkins deploy of staging/,
  );
  expect(
    within(dialog).getByText(/does not deploy any other version/),
  ).toBeInTheDocument();
  expect(within(dialog).queryByRole('textbox')).not.toBeInTheDocument();
  return dialog;
}

describe('ResyncButton', () => {
  it('confirms, queues the deploy of the pinned version and links the queued run', async () => {
    const onRefresh = jest.fn();
    const api = new FakeDeliveryApi(async () => xposerView, {
      resync: async () => ({
        environment: 'staging',
        queueUrl: QUEUE,
        queued: true,
      }),
    });
    await renderButton(api, { onRefresh });
    const dialog = await confirm();
    expect(api.resyncRequests).toEqual([]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Re-run deploy' }),
    );

    expect(
      await within(dialog).findByText(/Deploy queued/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: /^Queued deploy run/ }),
    ).toHaveAttribute('href', QUEUE);
    expect(api.resyncRequests).toEqual(['staging']);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('says when a deploy is already running', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      resync: async () => ({
        environment: 'staging',
        queueUrl: QUEUE,
        queued: false,
      }),
    });
    await renderButton(api);
    const dialog = await confirm();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Re-run deploy' }),
    );
    expect(
      await within(dialog).findByText(
        /A deploy is already running; nothing new was queued/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: /^Running deploy/ }),
    ).toHaveAttribute('href', QUEUE);
  });

  it('cancels without a request and shows backend errors inline', async () => {
    const onRefresh = jest.fn();
    const api = new FakeDeliveryApi(async () => xposerView, {
      resync: async () => {
        throw await responseError(
          403,
          'Forbidden',
          'NotAllowedError',
          'Not allowed to re-sync component:default/xposer',
        );
      },
    });
    await renderButton(api, { onRefresh });
    let dialog = await confirm();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    expect(api.resyncRequests).toEqual([]);

    dialog = await confirm();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Re-run deploy' }),
    );
    expect(
      await within(dialog).findByText(
        /Not allowed to re-sync component:default\/xposer \(403 Forbidden\)/,
      ),
    ).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it('is disabled with the reason without the re-sync permission', async () => {
    await renderButton(new FakeDeliveryApi(async () => xposerView), {
      allow: ['delivery.promote'],
    });
    expect(
      await screen.findByText('You need to own this entity to re-sync'),
    ).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Re-sync staging' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'You need to own this entity to re-sync',
    );
  });
});
