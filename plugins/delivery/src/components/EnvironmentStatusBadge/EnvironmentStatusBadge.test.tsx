import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { EnvironmentStatus } from '@gitops-delivery/backstage-plugin-delivery-common';
import { EnvironmentStatusBadge } from './EnvironmentStatusBadge';

describe('EnvironmentStatusBadge', () => {
  it.each<[EnvironmentStatus, string, string]>([
    ['in-sync', 'In sync', 'ok'],
    ['deploying', 'Deploying', 'running'],
    ['deploy-failed', 'Deploy failed', 'error'],
    ['pending-deploy', 'Pending deploy', 'pending'],
    ['drifted', 'Drifted', 'warning'],
    ['unknown', 'Unknown', 'aborted'],
  ])('shows %s as "%s"', async (status, label, kind) => {
    await renderInTestApp(
      <EnvironmentStatusBadge
        environment="prod"
        status={status}
        reason="Because."
      />,
    );
    const badge = screen.getByRole('img', {
      name: `prod status: ${label}. Because.`,
    });
    expect(badge).toHaveTextContent(label);
    expect(badge).toHaveAttribute('data-status', kind);
  });
});
