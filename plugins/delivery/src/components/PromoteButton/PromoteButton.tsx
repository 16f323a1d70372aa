import { ReactNode, useState } from 'react';
import Publish from '@material-ui/icons/Publish';
import type { Entity } from '@backstage/catalog-model';
import {
  deliveryPromotePermission,
  type EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { useActionPermission } from '../../hooks/useActionPermission';
import { useDeliveryActions } from '../../hooks/DeliveryActionsContext';
import type { VersionChoice } from '../../utils/promotion';
import { ActionButton } from '../ActionButton';
import { PromoteDialog } from '../PromoteDialog';

/** Why promote buttons are disabled for users the policy denies. */
export const PROMOTE_DENIED = 'You need to own this entity to promote';

/** Props of {@link PromoteButton}. */
export interface PromoteButtonProps {
  entity: Entity;
  /** The target environment. */
  environment: EnvironmentView;
  /** The version to promote, or why there is none (disables the button). */
  choice: VersionChoice;
  /** Where the version comes from, shown in the dialog. */
  source?: string;
  mode?: 'promote' | 'rollback';
  /** Accessible name (contains the visible label). Default `Promote to <env>`. */
  name?: string;
  label?: string;
  icon?: ReactNode;
}

/**
 * Opens the {@link PromoteDialog} for one version and target environment;
 * disabled with the reason when the user lacks `delivery.promote` on the
 * entity or there is no version to promote. Reloads the view after a PR.
 */
export function PromoteButton(props: PromoteButtonProps) {
  const { entity, environment, choice, source, mode = 'promote' } = props;
  const { refresh } = useDeliveryActions();
  // the server's reason: a denial in this environment, or a contested claim
  const access = environment.access?.promote;
  const refused =
    access && !access.allowed ? access.reason ?? 'Not allowed' : undefined;
  const denied = useActionPermission(
    deliveryPromotePermission,
    entity,
    environment,
    PROMOTE_DENIED,
  );
  // the version is fixed when the dialog opens: a refresh must not change it
  const [openVersion, setOpenVersion] = useState<string>();
  return (
    <>
      <ActionButton
        name={props.name ?? `Promote to ${environment.name}`}
        startIcon={props.icon ?? <Publish />}
        disabledReason={refused ?? denied ?? choice.reason}
        onClick={() => setOpenVersion(choice.version)}
      >
        {props.label ?? 'Promote'}
      </ActionButton>
      {openVersion && (
        <PromoteDialog
          entity={entity}
          environment={environment.name}
          version={openVersion}
          currentVersion={environment.pinnedVersion}
          source={source}
          mode={mode}
          onClose={changed => {
            setOpenVersion(undefined);
            if (changed) refresh();
          }}
        />
      )}
    </>
  );
}
