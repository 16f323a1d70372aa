import { useState } from 'react';
import Sync from '@material-ui/icons/Sync';
import type { Entity } from '@backstage/catalog-model';
import {
  deliveryResyncPermission,
  type EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { useActionPermission } from '../../hooks/useActionPermission';
import { useDeliveryActions } from '../../hooks/DeliveryActionsContext';
import { ActionButton } from '../ActionButton';
import { ResyncDialog } from './ResyncDialog';

/** Why re-sync buttons are disabled for users the policy denies. */
export const RESYNC_DENIED = 'You need to own this entity to re-sync';

/** Statuses a re-sync can repair. */
export const RESYNC_STATUSES: ReadonlyArray<EnvironmentView['status']> = [
  'drifted',
  'deploy-failed',
];

/** Props of {@link ResyncButton}. */
export interface ResyncButtonProps {
  entity: Entity;
  environment: EnvironmentView;
}

/**
 * "Re-sync <env>": shown only for drifted or deploy-failed environments,
 * disabled without `delivery.resync`; confirms, then re-runs the deploy.
 */
export function ResyncButton(props: ResyncButtonProps) {
  const { entity, environment } = props;
  const { refresh } = useDeliveryActions();
  // the server's reason: a denial in this environment, or a contested claim
  const access = environment.access?.resync;
  const refused =
    access && !access.allowed ? access.reason ?? 'Not allowed' : undefined;
  const denied = useActionPermission(
    deliveryResyncPermission,
    entity,
    environment,
    RESYNC_DENIED,
  );
  const [open, setOpen] = useState(false);
  return (
    <>
      <ActionButton
        name={`Re-sync ${environment.name}`}
        startIcon={<Sync />}
        disabledReason={refused ?? denied}
        onClick={() => setOpen(true)}
      >
        Re-sync
      </ActionButton>
      {open && (
        <ResyncDialog
          entity={entity}
          environment={environment}
          onClose={changed => {
            setOpen(false);
            if (changed) refresh();
          }}
        />
      )}
    </>
  );
}
