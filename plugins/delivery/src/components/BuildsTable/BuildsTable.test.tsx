import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { CodeBuild } from '@gitops-delivery/backstage-plugin-delivery-common';
import { xposerView } from '../../__fixtures__/xposerView';
import { BuildsTable } from './BuildsTable';

describe('BuildsTable', () => {
  it('lists builds with result, version, commit and duration', async () => {
    await renderInTestApp(<BuildsTable view={xposerView} />);
    expect(screen.getByText('Builds (code Jenkins)')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'Build #47: Failed' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Code build #46 in Jenkins/ }),
    ).toHaveAttribute(
      'href',
      'http://127.0.0.1:7101/job/stakater/job/xposer/job/master/46/',
    );
    expect(screen.getByText('5m 12s')).toBeInTheDocument();
    expect(screen.getByText('Fix flaky readiness probe')).toBeInTheDocument();
    expect(screen.getAllByText('via build name')).toHaveLength(3);
    expect(screen.getAllByText('via Jenkins build data')).toHaveLength(4);
    expect(screen.queryByText('no version found')).not.toBeInTheDocument();
  });

  it('pages a long history', async () => {
    const builds: CodeBuild[] = Array.from({ length: 25 }, (_, i) => ({
      number: 100 - i,
      url: `http://127.0.0.1:7101/job/x/${100 - i}/`,
      result: 'SUCCESS',
      building: false,
      startedAt: '2026-11-20T09:01:00Z',
      durationMs: 1000,
    }));
    await renderInTestApp(
      <BuildsTable view={{ ...xposerView, builds }} pageSize={10} />,
    );
    expect(screen.getAllByRole('link', { name: /^Code build #/ })).toHaveLength(
      10,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    const links = screen.getAllByRole('link', { name: /^Code build #/ });
    expect(links).toHaveLength(10);
    expect(
      within(links[0]).getByText('#90', { exact: false }),
    ).toBeInTheDocument();
  });

  it('shows the classified error of a failed code Jenkins where the table would be', async () => {
    const view = {
      ...xposerView,
      builds: [],
      sources: {
        ...xposerView.sources,
        codeJenkins: {
          status: 'error' as const,
          error: {
            kind: 'timeout' as const,
            message: 'no answer from code Jenkins "code" within 10000 ms',
          },
        },
      },
    };
    await renderInTestApp(<BuildsTable view={view} />);
    expect(
      screen.getByText(
        'Error: Code Jenkins: timeout — no answer from code Jenkins "code" within 10000 ms',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Builds (code Jenkins)')).not.toBeInTheDocument();
  });

  it('calls a successful build without a version a missing link', async () => {
    await renderInTestApp(
      <BuildsTable
        view={{
          ...xposerView,
          builds: xposerView.builds.map(b => ({
            ...b,
            version: undefined,
            versionVia: undefined,
          })),
        }}
      />,
    );
    const missing = screen.getAllByText('no version found');
    expect(missing).toHaveLength(3); // #47 failed: it released nothing
    expect(missing[0].closest('[data-missing-link]')).toHaveTextContent(
      /no version strategy in delivery\.versionFrom matched this build/,
    );
  });
});
