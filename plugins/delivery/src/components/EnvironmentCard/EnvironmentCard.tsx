import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link } from '@backstage/core-components';
import type {
  DeliveryView,
  EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { EnvironmentActions } from '../EnvironmentActions';
import { EnvironmentStatusBadge } from '../EnvironmentStatusBadge';
import { StatusFacts } from '../StatusFacts';
import {
  LastDeployField,
  PinnedField,
  PromotionsField,
  RunningField,
  repoName,
} from './EnvironmentFields';

const useStyles = makeStyles(theme => ({
  list: { margin: 0 },
  term: {
    ...theme.typography.overline,
    color: theme.palette.text.secondary,
    marginTop: theme.spacing(1.5),
    lineHeight: 1.5,
  },
  definition: { margin: 0 },
  reason: { marginTop: theme.spacing(0.5) },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(2),
    '&:empty': { display: 'none' },
  },
}));

/** Props of {@link EnvironmentCard}. */
export interface EnvironmentCardProps {
  environment: EnvironmentView;
  view: DeliveryView;
  /**
   * Renders the buttons of this environment (Promote / Rollback / Re-sync).
   * Defaults to {@link EnvironmentActions}.
   */
  actions?: (environment: EnvironmentView, view: DeliveryView) => ReactNode;
}

/** One column of the environment matrix. */
export function EnvironmentCard(props: EnvironmentCardProps) {
  const { environment: env, view, actions } = props;
  const classes = useStyles();
  const headingId = `delivery-env-${env.name}`;
  return (
    <InfoCard
      variant="gridItem"
      title={<span id={headingId}>{env.name}</span>}
      subheader={
        env.promotesFrom ? `promotes from ${env.promotesFrom}` : 'first stage'
      }
    >
      <section aria-labelledby={headingId}>
        <EnvironmentStatusBadge
          environment={env.name}
          status={env.status}
          reason={env.statusReason}
        />
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.reason}
        >
          {env.statusReason}
        </Typography>
        <StatusFacts environment={env} />
        <dl className={classes.list}>
          <dt className={classes.term}>Pinned</dt>
          <dd className={classes.definition}>
            <PinnedField environment={env} view={view} />
          </dd>
          <dt className={classes.term}>Running</dt>
          <dd className={classes.definition}>
            <RunningField environment={env} view={view} />
          </dd>
          <dt className={classes.term}>Last deploy</dt>
          <dd className={classes.definition}>
            <LastDeployField environment={env} view={view} />
          </dd>
          <dt className={classes.term}>Open promotions</dt>
          <dd className={classes.definition}>
            <PromotionsField environment={env} view={view} />
          </dd>
          <dt className={classes.term}>Config repo</dt>
          <dd className={classes.definition}>
            <Typography variant="body2" component="span">
              <Link to={env.configRepoUrl}>{repoName(env.configRepoUrl)}</Link>
              {` @ ${env.branch}`}
            </Typography>
          </dd>
        </dl>
        <Box className={classes.actions}>
          {actions ? (
            actions(env, view)
          ) : (
            <EnvironmentActions environment={env} view={view} />
          )}
        </Box>
      </section>
    </InfoCard>
  );
}
