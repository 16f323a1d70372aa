import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { VersionEnvironmentChips } from './VersionEnvironmentChips';

describe('VersionEnvironmentChips', () => {
  it('labels each environment where the version is pinned or running', async () => {
    await renderInTestApp(
      <VersionEnvironmentChips
        version="v0.0.20"
        states={xposerView.versions[0].environments}
        order={['dev', 'staging', 'prod']}
      />,
    );
    const list = screen.getByRole('list', { name: 'Environments of v0.0.20' });
    expect(
      within(list).getByLabelText('dev: pinned and running'),
    ).toBeInTheDocument();
    expect(
      within(list).getByLabelText('staging: running, not pinned'),
    ).toHaveTextContent('staging (running)');
  });

  it('renders nothing for a version that is nowhere', async () => {
    await renderInTestApp(
      <VersionEnvironmentChips version="v0.0.18" states={[]} order={[]} />,
    );
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});
