import { useDeliveryActions } from '../../hooks/DeliveryActionsContext';
import type {
  DeliveryView,
  EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { promotionSource } from '../../utils/promotion';
import { PromoteButton } from '../PromoteButton';
import { ResyncButton, RESYNC_STATUSES } from '../ResyncButton';
import { RollbackButton } from '../RollbackButton';

/** Props of {@link EnvironmentActions}. */
export interface EnvironmentActionsProps {
  environment: EnvironmentView;
  view: DeliveryView;
}

/**
 * The buttons of one environment card: **Promote to <env>** (environments
 * with `promotesFrom`: the version running in the previous environment),
 * **Roll back** (to the previously pinned version) and, when drifted or the
 * last deploy failed, **Re-sync**. Each is permission-gated; the server
 * checks again.
 */
export function EnvironmentActions(props: EnvironmentActionsProps) {
  const { environment: env, view } = props;
  const { entity } = useDeliveryActions();
  if (!entity) return null;
  return (
    <>
      {env.promotesFrom && (
        <PromoteButton
          entity={entity}
          environment={env}
          choice={promotionSource(env, view)}
          source={`running in ${env.promotesFrom}`}
        />
      )}
      {env.pinnedVersion && (
        <RollbackButton entity={entity} environment={env} view={view} />
      )}
      {RESYNC_STATUSES.includes(env.status) && (
        <ResyncButton entity={entity} environment={env} />
      )}
    </>
  );
}
