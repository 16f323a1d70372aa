import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { EnvironmentMatrix } from './EnvironmentMatrix';

describe('EnvironmentMatrix', () => {
  it('renders one column per environment in promotion order', async () => {
    await renderInTestApp(<EnvironmentMatrix view={xposerView} />);
    const list = screen.getByRole('list', {
      name: 'Environments in promotion order',
    });
    const regions = within(list).getAllByRole('region');
    expect(regions.map(r => r.getAttribute('aria-labelledby'))).toEqual([
      'delivery-env-dev',
      'delivery-env-staging',
      'delivery-env-prod',
    ]);
    expect(
      regions.map(
        r =>
          document.getElementById(r.getAttribute('aria-labelledby')!)!
            .textContent,
      ),
    ).toEqual(['dev', 'staging', 'prod']);
  });

  it('says what to configure when there are no environments', async () => {
    await renderInTestApp(
      <EnvironmentMatrix view={{ ...xposerView, environments: [] }} />,
    );
    expect(screen.getByText(/No environments: configure/)).toBeInTheDocument();
  });
});
