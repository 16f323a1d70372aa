import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { prodPreviewWithValues } from '../../__fixtures__/promotion';
import { DiffView } from './DiffView';

describe('DiffView', () => {
  it('renders each file as a unified diff with ins/del lines', async () => {
    await renderInTestApp(<DiffView changes={prodPreviewWithValues.changes} />);
    const chart = screen.getByLabelText('Diff of Chart.yaml');
    const values = screen.getByLabelText('Diff of xposer.yaml');
    expect(chart.querySelectorAll('del')).toHaveLength(1);
    expect(chart.querySelectorAll('ins')).toHaveLength(1);
    expect(values.querySelector('del')).toHaveTextContent(
      /^removed: -\s+replicas: 3$/,
    );
    expect(values.querySelector('ins')).toHaveTextContent(
      /^added: \+\s+replicas: 2$/,
    );
    expect(chart.querySelector('[data-kind="hunk"]')).toHaveTextContent(
      '@@ -10,5 +10,5 @@',
    );
    expect(
      screen.getByRole('figure', { name: /^Chart.yaml/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('figure', { name: 'xposer.yaml' }),
    ).toBeInTheDocument();
  });

  it('says when nothing would change', async () => {
    await renderInTestApp(<DiffView changes={[]} />);
    expect(screen.getByText('No file would change.')).toBeInTheDocument();
  });
});
