import { screen } from '@testing-library/react';
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
    expect(screen.getByLabelText('Code Jenkins: OK')).toBeInTheDocument();
  });

  it('mentions incomplete sources', async () => {
    await renderInTestApp(
      <SourcesSummary
        sources={{
          nexus: { status: 'ok', incomplete: true, note: 'page cap 10' },
        }}
      />,
    );
    expect(
      screen.getByLabelText('Nexus: OK (incomplete, page cap 10)'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Partial data from Nexus/)).toBeInTheDocument();
  });
});
