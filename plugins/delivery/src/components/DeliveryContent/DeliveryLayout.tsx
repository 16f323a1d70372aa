import { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Refresh from '@material-ui/icons/Refresh';
import Typography from '@material-ui/core/Typography';
import type {
  DeliveryAnnotations,
  DeliveryView,
  EnvironmentView,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { diagnoseEmptyView } from '../../utils/emptyState';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { BuildsTable } from '../BuildsTable';
import { useOlderBuilds } from '../../hooks/useOlderBuilds';
import { DeliveryEmptyState } from '../DeliveryEmptyState';
import { DeploysTable } from '../DeploysTable';
import { EnvironmentMatrix } from '../EnvironmentMatrix';
import { Lineage } from '../Lineage';
import { SourcesSummary } from '../SourcesSummary';

/** The builds table, able to page back through the code job's older builds. */
function BuildsWithHistory({ view }: { view: DeliveryView }) {
  const older = useOlderBuilds(view);
  return <BuildsTable view={view} older={older} />;
}

/** Props of {@link DeliveryLayout}. */
export interface DeliveryLayoutProps {
  view: DeliveryView;
  annotations: DeliveryAnnotations;
  environmentActions?: (env: EnvironmentView, view: DeliveryView) => ReactNode;
  versionActions?: (lineage: VersionLineage, view: DeliveryView) => ReactNode;
  /** Reloads the view; a Refresh button is shown when given. */
  onRefresh?: () => void;
  refreshing?: boolean;
}

function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} component="section" aria-labelledby={id}>
      <Typography variant="h5" component="h2" id={id} gutterBottom>
        {title}
      </Typography>
      {children}
    </Grid>
  );
}

/** The loaded tab: sources, environments, lineage, builds and deploys. */
export function DeliveryLayout(props: DeliveryLayoutProps) {
  const {
    view,
    annotations,
    environmentActions,
    versionActions,
    onRefresh,
    refreshing,
  } = props;
  const { notBuilt, notInConfig } = diagnoseEmptyView(view, annotations);
  const summary = (
    <Grid item xs={12}>
      <SourcesSummary sources={view.sources} />
      <Typography variant="caption" color="textSecondary">
        Generated{' '}
        <time
          dateTime={view.generatedAt}
          title={formatTimestamp(view.generatedAt)}
        >
          {formatRelativeTime(view.generatedAt)}
        </time>{' '}
        for release <code>{view.release}</code>
      </Typography>
      {onRefresh && (
        <Button
          size="small"
          color="primary"
          startIcon={<Refresh />}
          onClick={onRefresh}
          disabled={refreshing}
          aria-label="Refresh the delivery view"
          style={{ marginLeft: 8 }}
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      )}
    </Grid>
  );
  if (notBuilt && notInConfig) {
    return (
      <Grid container spacing={3}>
        {summary}
        <Grid item xs={12}>
          <DeliveryEmptyState reasons={[notBuilt, notInConfig]} />
        </Grid>
      </Grid>
    );
  }
  const notices = [notBuilt, notInConfig].filter(
    (r): r is NonNullable<typeof r> => Boolean(r),
  );
  return (
    <Grid container spacing={3}>
      {summary}
      {notices.length > 0 && (
        <Grid item xs={12}>
          <DeliveryEmptyState reasons={notices} variant="notice" />
        </Grid>
      )}
      <Section id="delivery-environments" title="Environments">
        <EnvironmentMatrix view={view} actions={environmentActions} />
      </Section>
      <Section id="delivery-lineage" title="Lineage">
        <Lineage view={view} actions={versionActions} />
      </Section>
      <Grid item xs={12}>
        <BuildsWithHistory view={view} />
      </Grid>
      <Grid item xs={12}>
        <DeploysTable view={view} />
      </Grid>
    </Grid>
  );
}
