import History from '@material-ui/icons/History';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeliveryView,
  EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { rollbackTarget } from '../../utils/promotion';
import { PromoteButton } from '../PromoteButton';

/** Props of {@link RollbackButton}. */
export interface RollbackButtonProps {
  entity: Entity;
  environment: EnvironmentView;
  view: DeliveryView;
}

/**
 * Rollback = promote the previously pinned version (see `rollbackTarget`
 * for the rule) through the same dialog, gates and pull request.
 */
export function RollbackButton(props: RollbackButtonProps) {
  const { entity, environment, view } = props;
  const choice = rollbackTarget(environment, view);
  return (
    <PromoteButton
      entity={entity}
      environment={environment}
      choice={choice}
      mode="rollback"
      source={`previously deployed to ${environment.name}`}
      name={
        choice.version
          ? `Roll back ${environment.name} to ${choice.version}`
          : `Roll back ${environment.name}`
      }
      label="Roll back"
      icon={<History />}
    />
  );
}
