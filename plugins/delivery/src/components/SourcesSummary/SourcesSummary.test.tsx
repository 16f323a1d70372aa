import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { SourcesSummary } from './SourcesSummary';

describe('SourcesSummary', () => {
  it('counts healthy sources and names the failed one with its error', async () => {
    await renderInTestApp(<SourcesSummary sources={xposerView.sources} />);
    expect(screen.getByText('Sources: 14 of 15 OK')).toBeInTheDocument();
    expect(
      screen.getByText('Deploy Jenkins (prod): timeout'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        /^Deploy Jenkins \(prod\): timeout — deploy Jenkins "deploy" did not answer/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Code Jenkins: OK')).not.toBeInTheDocument();

    const toggle = screen.getByRole('button', { name: 'Show all sources' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(screen.getByLabelText('Code Jenkins: OK')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Hide healthy sources' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows incomplete sources', async () => {
    await renderInTestApp(
      <SourcesSummary
        sources={{
          nexus: { status: 'ok', incomplete: true, note: 'page cap 10' },
        }}
      />,
    );
    expect(screen.getByText('Sources: 1 of 1 OK')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Nexus: OK (incomplete, page cap 10)'),
    ).toHaveTextContent('Nexus: incomplete');
  });
});
