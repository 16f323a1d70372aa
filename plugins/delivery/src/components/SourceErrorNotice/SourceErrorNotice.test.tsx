import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { SourceErrorNotice } from './SourceErrorNotice';

const failure = {
  key: 'codeJenkins',
  label: 'Code Jenkins',
  kind: 'timeout' as const,
  message: 'no answer within 10000 ms',
};

describe('SourceErrorNotice', () => {
  it('shows a classified error as a panel', async () => {
    await renderInTestApp(<SourceErrorNotice failure={failure} />);
    expect(
      screen.getByText(/Code Jenkins: timeout — no answer within 10000 ms/),
    ).toBeVisible();
    expect(
      screen.getByText(
        'What to do: the upstream is slow or down; try again later.',
      ),
    ).toBeVisible();
  });

  it('shows it inline with a hint', async () => {
    await renderInTestApp(
      <SourceErrorNotice failure={failure} variant="inline" />,
    );
    expect(
      screen.getByText(
        'Code Jenkins: timeout — no answer within 10000 ms (the upstream is slow or down; try again later)',
      ),
    ).toBeInTheDocument();
  });
});
