import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { VersionDetail } from './VersionDetail';

describe('VersionDetail', () => {
  it('shows the whole chain of a version with links to every upstream', async () => {
    await renderInTestApp(
      <VersionDetail lineage={xposerView.versions[0]} view={xposerView} />,
    );

    expect(screen.getByText('Lineage of v0.0.20')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /Delivery pipeline of v0.0.20/ }),
    ).toBeInTheDocument();
    const hrefs = screen.getAllByRole('link').map(a => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:7105/stakater/xposer/commit/e4d2a91b7c3f5e6d8a9b0c1d2e3f4a5b6c7d8e9f',
        'http://127.0.0.1:7101/job/stakater/job/xposer/job/master/46/',
        'http://127.0.0.1:7103/repository/docker-hosted/v2/stakater/xposer/manifests/v0.0.20',
        'http://127.0.0.1:7104/api/charts/xposer/v0.0.20',
        'http://127.0.0.1:7105/gitops/config-dev/blob/main/requirements.yaml#L4',
        'http://127.0.0.1:7102/job/deploy/job/config-dev/31/',
        'http://127.0.0.1:7105/gitops/config-staging/pull/7',
      ]),
    );
    expect(screen.getByText('not here (pins 0.0.8)')).toBeInTheDocument();
    expect(
      screen.getByText('via build name: build #46 is named v0.0.20'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^via Jenkins build data: build #46 recorded revision e4d2a91 of/,
      ),
    ).toBeInTheDocument();
    expect(
      screen
        .getByText('via config commit', { selector: 'span' })
        .closest('[data-evidence="configCommit"]'),
    ).toHaveTextContent(
      'run #31 deployed config commit aa11bb2, which pins xposer v0.0.20',
    );
  });

  it('says which links of an old version are missing and what would supply them', async () => {
    await renderInTestApp(
      <VersionDetail lineage={xposerView.versions[3]} view={xposerView} />,
    );
    expect(screen.getByText('no commit found')).toBeInTheDocument();
    expect(screen.getByText('no build in history')).toBeInTheDocument();
    expect(
      screen.getByText(/no code build in the history names this version/),
    ).toBeVisible();
    expect(
      screen.getByText(
        'via same version: image tag stakater/xposer:0.0.8 equals the version',
      ),
    ).toBeInTheDocument();
  });

  it('renders version actions in the slot', async () => {
    await renderInTestApp(
      <VersionDetail
        lineage={xposerView.versions[1]}
        view={xposerView}
        actions={l => <button type="button">Promote {l.version}</button>}
      />,
    );
    expect(
      screen.getByRole('button', { name: 'Promote v0.0.19' }),
    ).toBeInTheDocument();
  });
});
