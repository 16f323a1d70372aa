import { Link, Table, type TableColumn } from '@backstage/core-components';
import type {
  DoraChange,
  DoraDeploy,
  DoraIncident,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { formatHours } from '../../utils/dora';
import { formatTimestamp } from '../../utils/format';
import { BuildResultStatus } from '../BuildResultStatus';

const FAILURE_KINDS: Record<
  NonNullable<DoraDeploy['failure']>['kind'],
  string
> = {
  'deploy-failed': 'Deploy failed',
  'rolled-back': 'Rolled back',
  'status-after-deploy': 'Failed or drifted after the deploy',
};

const time = (iso: string | undefined) =>
  iso ? <time dateTime={iso}>{formatTimestamp(iso)}</time> : '—';

const options = (rows: number) => ({
  paging: rows > 10,
  pageSize: 10,
  pageSizeOptions: [10, 25, 50],
  search: false,
  padding: 'dense' as const,
  sorting: false,
  toolbar: true,
});

const deployColumns: TableColumn<DoraDeploy>[] = [
  { title: 'Started', render: d => time(d.startedAt) },
  {
    title: 'Deploy run',
    render: d =>
      d.run.url ? (
        <Link
          to={d.run.url}
          aria-label={`Deploy run #${d.run.number} in Jenkins`}
        >
          #{d.run.number}
        </Link>
      ) : (
        `#${d.run.number}`
      ),
  },
  {
    title: 'Result',
    render: d => (
      <BuildResultStatus
        result={d.run.result}
        subject={`Deploy run #${d.run.number}`}
      />
    ),
  },
  {
    title: 'Version',
    render: d =>
      d.previousVersion ? `${d.previousVersion} → ${d.version}` : d.version,
  },
  {
    title: 'Config change',
    render: d => {
      const pr = d.configCommit.pullRequest;
      const sha = <code>{d.configCommit.sha.slice(0, 7)}</code>;
      return (
        <>
          {d.configCommit.url ? (
            <Link to={d.configCommit.url}>{sha}</Link>
          ) : (
            sha
          )}
          {pr && (
            <>
              {' '}
              {pr.url ? (
                <Link to={pr.url}>PR #{pr.number}</Link>
              ) : (
                `PR #${pr.number}`
              )}
              {pr.mergedBy && ` merged by ${pr.mergedBy}`}
            </>
          )}
        </>
      );
    },
  },
];

const failureColumn: TableColumn<DoraDeploy> = {
  title: 'Counted as failed because',
  cellStyle: { minWidth: 320 },
  render: d =>
    d.failure ? (
      <>
        <strong>{FAILURE_KINDS[d.failure.kind]}</strong>: {d.failure.detail}
      </>
    ) : (
      'not failed'
    ),
};

/** The production deploys a figure counts, with why a failed one failed. */
export function DoraDeploysTable(props: {
  title: string;
  deploys: DoraDeploy[];
  showFailure?: boolean;
}) {
  const { title, deploys, showFailure } = props;
  const data = deploys.map(d => ({ ...d }));
  return (
    <Table<DoraDeploy>
      title={title}
      columns={showFailure ? [...deployColumns, failureColumn] : deployColumns}
      data={data}
      options={options(data.length)}
    />
  );
}

const changeColumns: TableColumn<DoraChange>[] = [
  {
    title: 'Commit',
    render: c => (
      <>
        {c.url ? (
          <Link to={c.url}>
            <code>{c.shortSha}</code>
          </Link>
        ) : (
          <code>{c.shortSha}</code>
        )}{' '}
        {c.message}
      </>
    ),
  },
  { title: 'Version', field: 'version' },
  { title: 'Committed', render: c => time(c.committedAt) },
  {
    title: 'Running in production',
    render: c => (
      <>
        {time(c.runningAt)} (
        {c.runningVia === 'cluster'
          ? 'seen in the cluster'
          : 'end of the deploy run'}
        )
      </>
    ),
  },
  { title: 'Lead time', render: c => formatHours(c.leadTimeHours) },
];

/** The commits the lead time is computed from. */
export function DoraChangesTable(props: {
  title: string;
  changes: DoraChange[];
}) {
  const data = props.changes.map(c => ({ ...c }));
  return (
    <Table<DoraChange>
      title={props.title}
      columns={changeColumns}
      data={data}
      options={options(data.length)}
    />
  );
}

const incidentColumns: TableColumn<DoraIncident>[] = [
  { title: 'Environment', field: 'environment' },
  {
    title: 'Status',
    render: i => (i.status === 'drifted' ? 'Drifted' : 'Deploy failed'),
  },
  { title: 'Started', render: i => time(i.startedAt) },
  {
    title: 'Restored',
    render: i => (i.restoredAt ? time(i.restoredAt) : 'still open'),
  },
  {
    title: 'Time to restore',
    render: i =>
      i.restoreHours === undefined ? '—' : formatHours(i.restoreHours),
  },
  { title: 'What happened', field: 'detail' },
];

/** The failure episodes the time to restore is computed from. */
export function DoraIncidentsTable(props: {
  title: string;
  incidents: DoraIncident[];
}) {
  const data = props.incidents.map(i => ({ ...i }));
  return (
    <Table<DoraIncident>
      title={props.title}
      columns={incidentColumns}
      data={data}
      options={options(data.length)}
    />
  );
}
