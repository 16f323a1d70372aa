import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useDeliveryActions } from '../../hooks/DeliveryActionsContext';
import {
  sameVersion,
  type DeliveryView,
  type VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { PromoteButton } from '../PromoteButton';

/** Props of {@link VersionActions}. */
export interface VersionActionsProps {
  lineage: VersionLineage;
  view: DeliveryView;
}

/**
 * On a version's detail: one **Promote <version> to <env>** button per
 * environment of the entity (disabled where that version is already pinned).
 * Gates (e.g. running in the previous environment) are checked in the dialog.
 */
export function VersionActions(props: VersionActionsProps) {
  const { lineage, view } = props;
  const { entity } = useDeliveryActions();
  if (!entity) return null;
  if (view.environments.length === 0) return null;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 8 }}>
      <Typography variant="body2" color="textSecondary" component="span">
        Promote {lineage.version}:
      </Typography>
      {view.environments.map(env => (
        <PromoteButton
          key={env.name}
          entity={entity}
          environment={env}
          choice={
            sameVersion(env.pinnedVersion, lineage.version)
              ? { reason: `${env.name} already pins ${lineage.version}` }
              : { version: lineage.version }
          }
          source="selected in the lineage"
          name={`Promote ${lineage.version} to ${env.name}`}
          label={`to ${env.name}`}
        />
      ))}
    </Box>
  );
}
