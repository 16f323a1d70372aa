import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { Lineage } from './Lineage';

describe('Lineage', () => {
  it('shows the newest version first and switches the detail on selection', async () => {
    await renderInTestApp(<Lineage view={xposerView} />);
    expect(screen.getByText('Lineage of v0.0.20')).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show the lineage of 0.0.8' }),
    );
    expect(screen.getByText('Lineage of 0.0.8')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Show the lineage of 0.0.8' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows a failed Nexus inline and the rest of the lineage', async () => {
    const view = {
      ...xposerView,
      versions: xposerView.versions.map(v => ({ ...v, image: undefined })),
      sources: {
        ...xposerView.sources,
        nexus: {
          status: 'error' as const,
          error: {
            kind: 'unauthorized' as const,
            message: 'Nexus answered 401 for docker-hosted',
          },
        },
      },
    };
    await renderInTestApp(<Lineage view={view} />);
    expect(
      screen.getByText(
        'Error: Nexus: unauthorized — Nexus answered 401 for docker-hosted',
      ),
    ).toBeInTheDocument();
    // the four table rows and the selected version's chain
    expect(screen.getAllByText('unknown (Nexus failed)')).toHaveLength(5);
    expect(screen.getAllByText('xposer v0.0.20').length).toBeGreaterThan(0);
  });
});
