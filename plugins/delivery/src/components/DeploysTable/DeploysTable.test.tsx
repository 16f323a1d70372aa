import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { DeploysTable } from './DeploysTable';

describe('DeploysTable', () => {
  it('lists deploy runs of all environments and the failed deploy Jenkins inline', async () => {
    await renderInTestApp(<DeploysTable view={xposerView} />);
    expect(screen.getByText('Deploys (config Jenkins)')).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Error: Deploy Jenkins \(prod\): timeout — deploy Jenkins "deploy" did not answer/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /^Deploy run #/ })).toHaveLength(
      4,
    );
    expect(
      screen.getByRole('img', { name: 'staging deploy #17: Failed' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Bump xposer to v0.0.20')).toBeInTheDocument();
    expect(screen.getByText('48s')).toBeInTheDocument();
  });

  it('shows how each config commit was found, and why one is missing', async () => {
    await renderInTestApp(<DeploysTable view={xposerView} />);
    expect(screen.getAllByText('via Jenkins build data')).toHaveLength(3);
    expect(
      screen.getByText('no config commit').closest('[data-missing-link]'),
    ).toHaveTextContent(
      'no config commit: run #30 recorded no revision of gitops/config-dev',
    );
  });

  it('explains where deploy jobs come from when there are none', async () => {
    await renderInTestApp(
      <DeploysTable view={{ ...xposerView, deploys: [], sources: {} }} />,
    );
    expect(screen.getByText(/No deploy runs yet/)).toBeInTheDocument();
  });
});
