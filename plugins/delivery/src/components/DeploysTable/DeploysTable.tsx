import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import type {
  DeliveryView,
  DeployRun,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { sourceFailures } from '../../utils/sources';
import { BuildResultStatus } from '../BuildResultStatus';
import { SourceErrorNotice } from '../SourceErrorNotice';
import {
  durationColumn,
  renderCommit,
  runTableOptions,
  startedColumn,
  versionColumn,
} from '../RunColumns';

/** Props of {@link DeploysTable}. */
export interface DeploysTableProps {
  view: DeliveryView;
  /** Rows per page (default 10). */
  pageSize?: number;
}

const columns: TableColumn<DeployRun>[] = [
  { title: 'Environment', field: 'environment' },
  {
    title: 'Run',
    field: 'number',
    render: d => (
      <Link
        to={d.url}
        aria-label={`Deploy run #${d.number} of ${d.environment} in Jenkins`}
      >
        #{d.number}
      </Link>
    ),
  },
  {
    title: 'Result',
    field: 'result',
    render: d => (
      <BuildResultStatus
        result={d.result}
        building={d.building}
        subject={`${d.environment} deploy #${d.number}`}
      />
    ),
  },
  versionColumn(),
  {
    title: 'Config commit',
    field: 'configCommit.sha',
    render: d =>
      renderCommit(d.configCommit, d.configCommitVia, 'no config commit'),
  },
  startedColumn(),
  durationColumn(),
];

/**
 * Config-Jenkins deploy runs of every environment; an environment whose deploy
 * Jenkins failed shows its error above the runs of the others.
 */
export function DeploysTable(props: DeploysTableProps) {
  const { view, pageSize = 10 } = props;
  const failures = sourceFailures(
    view.sources,
    view.environments.map(e => `deployJenkins:${e.name}`),
  );
  const data = view.deploys.map(d => ({ ...d }));
  return (
    <>
      {failures.map(f => (
        <Box mb={2} key={f.key}>
          <SourceErrorNotice failure={f} />
        </Box>
      ))}
      <Table<DeployRun>
        title="Deploys (config Jenkins)"
        columns={columns}
        data={data}
        options={runTableOptions<DeployRun>(data.length, pageSize)}
        emptyContent={
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ padding: 16 }}
          >
            No deploy runs yet. Each environment's <code>deployJob</code> in the{' '}
            <code>delivery.environments</code> config names the config Jenkins
            job.
          </Typography>
        }
      />
    </>
  );
}
