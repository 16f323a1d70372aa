import type {
  BuildResult,
  EnvironmentStatus,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** The visual kinds of core-components' status indicators. */
export type StatusKind =
  | 'ok'
  | 'warning'
  | 'error'
  | 'pending'
  | 'running'
  | 'aborted';

/** How a Jenkins result is shown. */
export function buildResultKind(
  result: BuildResult | null | undefined,
  building = false,
): StatusKind {
  if (building || result === null) return 'running';
  switch (result) {
    case 'SUCCESS':
      return 'ok';
    case 'FAILURE':
      return 'error';
    case 'UNSTABLE':
      return 'warning';
    case 'ABORTED':
      return 'aborted';
    default:
      return 'pending';
  }
}

/** `Success`, `Failed`, `Building`. */
export function buildResultLabel(
  result: BuildResult | null | undefined,
  building = false,
): string {
  if (building || result === null) return 'Building';
  switch (result) {
    case 'SUCCESS':
      return 'Success';
    case 'FAILURE':
      return 'Failed';
    case 'UNSTABLE':
      return 'Unstable';
    case 'ABORTED':
      return 'Aborted';
    case 'NOT_BUILT':
      return 'Not built';
    default:
      return 'Unknown';
  }
}

const ENVIRONMENT_STATUS: Record<
  EnvironmentStatus,
  { kind: StatusKind; label: string }
> = {
  'in-sync': { kind: 'ok', label: 'In sync' },
  deploying: { kind: 'running', label: 'Deploying' },
  'deploy-failed': { kind: 'error', label: 'Deploy failed' },
  'pending-deploy': { kind: 'pending', label: 'Pending deploy' },
  drifted: { kind: 'warning', label: 'Drifted' },
  unknown: { kind: 'aborted', label: 'Unknown' },
};

/** How an environment status is shown. */
export function environmentStatusDisplay(status: EnvironmentStatus): {
  kind: StatusKind;
  label: string;
} {
  return ENVIRONMENT_STATUS[status] ?? ENVIRONMENT_STATUS.unknown;
}
