import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PromotionPreview } from '@gitops-delivery/backstage-plugin-delivery-common';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import {
  blockedPreview,
  prodPreview,
  prodPreviewWithValues,
  prodResult,
  responseError,
} from '../../__fixtures__/promotion';
import { renderWithDelivery } from '../../__testUtils__/renderWithDelivery';
import { xposerEntity, xposerView } from '../../__fixtures__/xposerView';
import { PromoteDialog } from './PromoteDialog';

function fakeApi(
  preview:
    | PromotionPreview
    | ((values?: string) => PromotionPreview) = prodPreview,
  promote: () => Promise<ReturnType<typeof prodResult>> = async () =>
    prodResult(),
) {
  return new FakeDeliveryApi(async () => xposerView, {
    previewPromotion: async (_e, req) =>
      typeof preview === 'function' ? preview(req.values) : preview,
    promote,
  });
}

async function renderDialog(api: FakeDeliveryApi, onClose = jest.fn()) {
  await renderWithDelivery(
    <PromoteDialog
      entity={xposerEntity}
      environment="prod"
      version="v0.0.20"
      currentVersion="0.0.8"
      source="running in staging"
      onClose={onClose}
    />,
    { api },
  );
  const dialog = await screen.findByRole('dialog', {
    name: 'Promote xposer to prod',
  });
  await within(dialog).findByRole('list', { name: 'Promotion gates' });
  return dialog;
}

const submitButton = () =>
  screen.getByRole('button', { name: /^Open pull request/ });

describe('PromoteDialog', () => {
  it('shows the source, the pin change, the gates and the proposed diff', async () => {
    const api = fakeApi();
    const dialog = await renderDialog(api);

    expect(api.previewRequests).toEqual([
      { environment: 'prod', version: 'v0.0.20', values: undefined },
    ]);
    expect(
      within(dialog).getByText('(running in staging)', { exact: false }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('0.0.8')).toBeInTheDocument();
    const gates = within(dialog).getByRole('list', { name: 'Promotion gates' });
    expect(within(gates).getAllByRole('listitem')).toHaveLength(4);
    expect(within(gates).getAllByTitle('passed')).toHaveLength(4);
    expect(within(gates).getByText('Build #46 succeeded')).toBeInTheDocument();

    const diff = within(dialog).getByLabelText('Diff of Chart.yaml');
    expect(diff.querySelector('del')).toHaveTextContent(
      /^removed: -\s+version: 0.0.8$/,
    );
    expect(diff.querySelector('ins')).toHaveTextContent(
      /^added: \+\s+version: v0.0.20$/,
    );
    expect(
      within(dialog).getByRole('link', { name: /^Chart.yaml/ }),
    ).toHaveAttribute('href', prodPreview.changes[0].url);
    expect(
      within(dialog).queryByRole('button', { name: /merge/i }),
    ).not.toBeInTheDocument();
    expect(submitButton()).toBeEnabled();
  });

  it('opens the pull request and shows its link', async () => {
    const onClose = jest.fn();
    const api = fakeApi();
    await renderDialog(api, onClose);

    await userEvent.click(submitButton());

    const link = await screen.findByRole('link', { name: /^Pull request #12/ });
    expect(link).toHaveAttribute('href', prodResult().url);
    expect(
      screen.getByText(/Opened a pull request promoting v0.0.20 to prod/),
    ).toBeInTheDocument();
    expect(api.promoteRequests).toEqual([
      { environment: 'prod', version: 'v0.0.20', values: undefined },
    ]);
    expect(
      screen.queryByRole('button', { name: /^Open pull request/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('says when the existing pull request was reused', async () => {
    const api = fakeApi(
      {
        ...prodPreview,
        existingPullRequest: { url: prodResult().url, number: 12 },
      },
      async () => prodResult(false),
    );
    const dialog = await renderDialog(api);
    expect(within(dialog).getByText(/already open/)).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: /^Pull request #12/ }),
    ).toBeInTheDocument();

    await userEvent.click(submitButton());

    expect(
      await screen.findByText(/Reused existing pull request/),
    ).toBeInTheDocument();
  });

  it('validates the values YAML, blocks submit on errors and previews valid values', async () => {
    const api = fakeApi(values =>
      values ? prodPreviewWithValues : prodPreview,
    );
    const dialog = await renderDialog(api);
    const textarea = within(dialog).getByRole('textbox', { name: /Values/ });

    await userEvent.type(textarea, '- just a list');
    expect(
      await within(dialog).findByText(/must be a YAML mapping/),
    ).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
    expect(submitButton()).toHaveAccessibleDescription(
      'Fix the values YAML first.',
    );

    await userEvent.clear(textarea);
    await userEvent.type(textarea, 'xposer: {{ bad');
    expect(textarea).toHaveAttribute('aria-invalid', 'true');
    expect(submitButton()).toBeDisabled();

    await userEvent.clear(textarea);
    // a `{` starts a key descriptor in user-event; `{{` types one brace
    await userEvent.type(
      textarea,
      'xposer:{enter}  xposer:{enter}    replicas: 2',
    );
    expect(textarea).toHaveAttribute('aria-invalid', 'false');
    expect(submitButton()).toBeDisabled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Update preview' }),
    );

    expect(
      await within(dialog).findByLabelText('Diff of xposer.yaml'),
    ).toBeInTheDocument();
    const values = 'xposer:\n  xposer:\n    replicas: 2';
    expect(api.previewRequests.at(-1)).toEqual({
      environment: 'prod',
      version: 'v0.0.20',
      values,
    });
    await waitFor(() => expect(submitButton()).toBeEnabled());
    await userEvent.click(submitButton());
    await screen.findByRole('link', { name: /^Pull request #12/ });
    expect(api.promoteRequests).toEqual([
      { environment: 'prod', version: 'v0.0.20', values },
    ]);
  });

  it('disables submit with the failed gate message when a gate blocks', async () => {
    const dialog = await renderDialog(fakeApi(blockedPreview));
    expect(within(dialog).getAllByTitle('failed')).toHaveLength(1);
    expect(submitButton()).toBeDisabled();
    expect(submitButton()).toHaveAccessibleDescription(
      'Build #47 of v0.0.21 failed',
    );
  });

  it('disables submit when the preview says the user may not promote', async () => {
    await renderDialog(fakeApi({ ...prodPreview, allowed: false }));
    expect(submitButton()).toBeDisabled();
    expect(submitButton()).toHaveAccessibleDescription(
      'You need to own this entity to promote.',
    );
  });

  it('shows a backend conflict inline with its message', async () => {
    const api = fakeApi(prodPreview, async () => {
      throw await responseError(
        409,
        'Conflict',
        'ConflictError',
        'Pull request #9 already promotes xposer to v0.0.19 in prod; merge or close it first',
      );
    });
    const dialog = await renderDialog(api);

    await userEvent.click(submitButton());

    expect(
      await within(dialog).findByText(
        /The pull request was not opened: Pull request #9 already promotes xposer to v0.0.19 in prod; merge or close it first \(409 Conflict\)/,
      ),
    ).toBeInTheDocument();
    expect(submitButton()).toBeEnabled();
  });

  it('shows a failed preview inline and blocks submit', async () => {
    const api = new FakeDeliveryApi(async () => xposerView, {
      previewPromotion: async () => {
        throw await responseError(
          400,
          'Bad Request',
          'InputError',
          'Version v9 is not in ChartMuseum',
        );
      },
    });
    await renderWithDelivery(
      <PromoteDialog
        entity={xposerEntity}
        environment="prod"
        version="v9"
        onClose={jest.fn()}
      />,
      { api },
    );
    expect(
      await screen.findByText(
        /Could not preview the promotion: Version v9 is not in ChartMuseum \(400 Bad Request\)/,
      ),
    ).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
  });

  it('closes on Escape', async () => {
    const onClose = jest.fn();
    await renderDialog(fakeApi(), onClose);
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledWith(false);
  });
});
