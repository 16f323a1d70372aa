import { render, screen } from '@testing-library/react';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import {
  findEnabledButton,
  freshEntity,
  renderWithDelivery,
} from '../../__testUtils__/renderWithDelivery';
import { xposerView } from '../../__fixtures__/xposerView';
import { EnvironmentActions } from './EnvironmentActions';

const [dev, staging, prod] = xposerView.environments;

async function renderActions(env: typeof dev) {
  const entity = freshEntity();
  await renderWithDelivery(
    <EnvironmentActions environment={env} view={xposerView} />,
    {
      api: new FakeDeliveryApi(async () => xposerView),
      entity,
    },
  );
}

describe('EnvironmentActions', () => {
  it('renders nothing outside the Delivery tab (no entity in context)', () => {
    const { container } = render(
      <EnvironmentActions environment={dev} view={xposerView} />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('offers Promote from the previous stage, Roll back and, when drifted, Re-sync', async () => {
    await renderActions(staging);
    expect(await findEnabledButton('Promote to staging')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Roll back staging' }),
    ).toBeDisabled();
    expect(await findEnabledButton('Re-sync staging')).toBeInTheDocument();
  });

  it('has no Promote on the first stage and no Re-sync when in sync', async () => {
    await renderActions(dev);
    expect(
      await findEnabledButton('Roll back dev to v0.0.19'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Promote/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Re-sync/ }),
    ).not.toBeInTheDocument();
  });

  it('offers Re-sync when the last deploy failed', async () => {
    await renderActions({ ...prod, status: 'deploy-failed' });
    expect(await findEnabledButton('Promote to prod')).toBeInTheDocument();
    expect(await findEnabledButton('Re-sync prod')).toBeInTheDocument();
  });
});
