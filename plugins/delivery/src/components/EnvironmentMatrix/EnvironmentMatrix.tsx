import { ReactNode } from 'react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  DeliveryView,
  EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { EnvironmentCard } from '../EnvironmentCard';

/** Props of {@link EnvironmentMatrix}. */
export interface EnvironmentMatrixProps {
  view: DeliveryView;
  /** Passed to every {@link EnvironmentCard}; the Promote/Re-sync slot. */
  actions?: (environment: EnvironmentView, view: DeliveryView) => ReactNode;
}

/** One column per environment, in promotion order. */
export function EnvironmentMatrix(props: EnvironmentMatrixProps) {
  const { view, actions } = props;
  const count = view.environments.length;
  if (count === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No environments: configure <code>delivery.environments</code> in
        app-config.yaml, or check the <code>delivery/environments</code>{' '}
        annotation.
      </Typography>
    );
  }
  const md = count >= 4 ? 3 : ((12 / count) as 4 | 6 | 12);
  return (
    <Grid
      container
      spacing={2}
      role="list"
      aria-label="Environments in promotion order"
    >
      {view.environments.map(env => (
        <Grid
          item
          xs={12}
          sm={count > 1 ? 6 : 12}
          md={md}
          key={env.name}
          role="listitem"
        >
          <EnvironmentCard environment={env} view={view} actions={actions} />
        </Grid>
      ))}
    </Grid>
  );
}
