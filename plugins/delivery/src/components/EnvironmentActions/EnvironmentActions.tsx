import type {
  DeliveryView,
  EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** Props of {@link EnvironmentActions}. */
export interface EnvironmentActionsProps {
  environment: EnvironmentView;
  view: DeliveryView;
}

/**
 * SLOT for the Promote / Rollback / Re-sync buttons of one environment
 * (issue 6). They will be permission-gated (`deliveryPromotePermission`,
 * `deliveryResyncPermission` from -common via `usePermission`) and open a
 * dialog; until then this renders nothing. `EnvironmentCard` renders it in
 * its actions area unless a custom `actions` render prop is given.
 */
export function EnvironmentActions(_props: EnvironmentActionsProps) {
  return null;
}
