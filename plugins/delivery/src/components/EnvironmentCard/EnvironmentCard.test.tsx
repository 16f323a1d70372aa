import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { EnvironmentCard } from './EnvironmentCard';

const [dev, staging, prod] = xposerView.environments;

describe('EnvironmentCard', () => {
  it('shows a drifted environment with its pin, running version and open PR', async () => {
    await renderInTestApp(
      <EnvironmentCard environment={staging} view={xposerView} />,
    );

    const badge = screen.getByRole('img', {
      name: /^staging status: Drifted\./,
    });
    expect(badge).toHaveAttribute('data-status', 'warning');
    expect(screen.getByText(staging.statusReason)).toBeInTheDocument();
    expect(screen.getByText('v0.0.19')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /^Pin of xposer in gitops\/config-staging/,
      }),
    ).toHaveAttribute('href', staging.pinFileUrl);
    expect(
      screen.getByRole('link', {
        name: /^Values file of xposer in gitops\/config-staging/,
      }),
    ).toHaveAttribute('href', staging.valuesFileUrl);
    expect(screen.getByText(/Helm label says v0.0.19/)).toBeInTheDocument();
    expect(
      screen.getByText('· not the pinned v0.0.19', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /^Deploy run #18 of staging in Jenkins/,
      }),
    ).toHaveAttribute('href', staging.lastDeploy!.url);
    expect(
      screen.getByRole('link', { name: /^Config commit 7d8e9f0 of staging/ }),
    ).toHaveAttribute(
      'href',
      'http://127.0.0.1:7105/gitops/config-staging/commit/7d8e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a',
    );
    expect(
      screen.getByRole('button', { name: 'Why? (staging status)' }),
    ).toHaveAttribute('aria-expanded', 'false');
    const prs = screen.getByRole('list', {
      name: 'Open promotion pull requests for staging',
    });
    expect(
      within(prs).getByRole('link', { name: /^#7 → v0.0.20/ }),
    ).toHaveAttribute(
      'href',
      'http://127.0.0.1:7105/gitops/config-staging/pull/7',
    );
  });

  it('shows a failed deploy Jenkins inline and keeps the rest', async () => {
    await renderInTestApp(
      <EnvironmentCard environment={prod} view={xposerView} />,
    );
    expect(
      screen.getByText(
        /Deploy Jenkins \(prod\): timeout — deploy Jenkins "deploy" did not answer/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('0.0.8')).toHaveLength(2);
    expect(screen.getByText('None open')).toBeInTheDocument();
  });

  it('explains a missing pin and renders custom actions in the slot', async () => {
    await renderInTestApp(
      <EnvironmentCard
        environment={{
          ...dev,
          pinnedVersion: undefined,
          pinFileUrl: undefined,
        }}
        view={xposerView}
        actions={env => <button type="button">Promote to {env.name}</button>}
      />,
    );
    expect(
      screen.getByText(/Not pinned: no dependency named/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Promote to dev' }),
    ).toBeInTheDocument();
  });

  it('tells an environment without a cluster from one where the release is not deployed', async () => {
    const noLive = { ...dev, runningVersion: undefined, live: undefined };
    await renderInTestApp(
      <>
        <EnvironmentCard
          environment={noLive}
          view={{
            ...xposerView,
            sources: {
              ...xposerView.sources,
              'cluster:dev': { status: 'ok', note: 'no cluster configured' },
            },
          }}
        />
        <EnvironmentCard
          environment={{ ...noLive, name: 'qa' }}
          view={{ ...xposerView, sources: { 'cluster:qa': { status: 'ok' } } }}
        />
      </>,
    );
    expect(
      screen.getByText(
        'No cluster configured (delivery.environments[dev].cluster)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No xposer deployment found in the cluster'),
    ).toBeInTheDocument();
  });
});
