import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { StatusIndicator } from './StatusIndicator';

describe('StatusIndicator', () => {
  it('gives the status an accessible name and keeps the visible label', async () => {
    await renderInTestApp(
      <StatusIndicator
        kind="warning"
        label="Drifted"
        ariaLabel="Status: Drifted. Changed by hand."
        description="Changed by hand."
      />,
    );
    const badge = screen.getByRole('img', {
      name: 'Status: Drifted. Changed by hand.',
    });
    expect(badge).toHaveTextContent('Drifted');
    expect(badge).toHaveAttribute('data-status', 'warning');
  });

  it('uses the label as the name by default', async () => {
    await renderInTestApp(<StatusIndicator kind="ok" label="Success" />);
    expect(screen.getByRole('img', { name: 'Success' })).toBeInTheDocument();
  });
});
