import type { EnvironmentStatus } from '@gitops-delivery/backstage-plugin-delivery-common';
import { environmentStatusDisplay } from '../../utils/status';
import { StatusIndicator } from '../StatusIndicator';

/** Props of {@link EnvironmentStatusBadge}. */
export interface EnvironmentStatusBadgeProps {
  environment: string;
  status: EnvironmentStatus;
  /** The one sentence from the backend that explains the status. */
  reason: string;
}

/** `In sync` / `Deploying` / `Deploy failed` / `Pending deploy` / `Drifted` / `Unknown`. */
export function EnvironmentStatusBadge(props: EnvironmentStatusBadgeProps) {
  const { environment, status, reason } = props;
  const { kind, label } = environmentStatusDisplay(status);
  return (
    <StatusIndicator
      kind={kind}
      label={label}
      ariaLabel={`${environment} status: ${label}. ${reason}`}
      description={reason}
    />
  );
}
