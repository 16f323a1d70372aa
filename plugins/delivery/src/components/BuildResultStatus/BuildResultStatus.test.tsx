import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { BuildResultStatus } from './BuildResultStatus';

describe('BuildResultStatus', () => {
  it('labels a failed build', async () => {
    await renderInTestApp(
      <BuildResultStatus result="FAILURE" subject="Build #47" />,
    );
    expect(
      screen.getByRole('img', { name: 'Build #47: Failed' }),
    ).toHaveAttribute('data-status', 'error');
  });

  it('shows a running build as building', async () => {
    await renderInTestApp(<BuildResultStatus result={null} building />);
    expect(screen.getByRole('img', { name: 'Building' })).toHaveAttribute(
      'data-status',
      'running',
    );
  });
});
