import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import type {
  CodeBuild,
  DeliveryView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { OlderBuildsState } from '../../hooks/useOlderBuilds';
import { sourceFailure } from '../../utils/sources';
import { BuildResultStatus } from '../BuildResultStatus';
import { EvidenceMarker, MissingLinkMarker } from '../LinkEvidence';
import { SourceErrorNotice } from '../SourceErrorNotice';
import {
  durationColumn,
  renderCommit,
  runTableOptions,
  startedColumn,
} from '../RunColumns';

/**
 * The version a build released and how it was read; a successful build
 * without one is a missing link (usually `delivery.versionFrom` does not fit
 * how the builds name their release). Failed and running builds release none.
 */
function renderVersion(b: CodeBuild) {
  if (b.version) {
    return (
      <>
        {b.version}
        {b.versionVia && <EvidenceMarker evidence={b.versionVia} block />}
      </>
    );
  }
  if (b.result === 'SUCCESS' && !b.building) {
    return (
      <MissingLinkMarker
        text="no version found"
        hint="no version strategy in delivery.versionFrom matched this build; the Setup check shows what was tried"
      />
    );
  }
  return '—';
}

/** Props of {@link BuildsTable}. */
export interface BuildsTableProps {
  view: DeliveryView;
  /** Rows per page (default 10). */
  pageSize?: number;
  /**
   * Older builds beyond the view's newest (see `useOlderBuilds`): the table
   * lists its `builds` and offers to load more; absent: the view's builds.
   */
  older?: OlderBuildsState;
}

const columns: TableColumn<CodeBuild>[] = [
  {
    title: 'Build',
    field: 'number',
    render: b => (
      <Link to={b.url} aria-label={`Code build #${b.number} in Jenkins`}>
        #{b.number}
      </Link>
    ),
  },
  {
    title: 'Result',
    field: 'result',
    render: b => (
      <BuildResultStatus
        result={b.result}
        building={b.building}
        subject={`Build #${b.number}`}
      />
    ),
  },
  { title: 'Version', field: 'version', render: renderVersion },
  {
    title: 'Commit',
    field: 'commit.sha',
    render: b => renderCommit(b.commit, b.commitVia),
  },
  startedColumn(),
  durationColumn(),
];

/** The code-Jenkins build history, or its classified error where it would be. */
export function BuildsTable(props: BuildsTableProps) {
  const { view, pageSize = 10, older } = props;
  const failure = sourceFailure(view.sources, 'codeJenkins');
  if (failure) return <SourceErrorNotice failure={failure} />;
  const data = (older?.builds ?? view.builds).map(b => ({ ...b }));
  return (
    <>
      <BuildsList data={data} pageSize={pageSize} />
      {older && <OlderBuildsControl older={older} />}
    </>
  );
}

/** "Load older builds", its progress and its error. */
function OlderBuildsControl({ older }: { older: OlderBuildsState }) {
  if (!older.hasMore && !older.error) return null;
  return (
    <Box display="flex" alignItems="center" mt={1} style={{ gap: 12 }}>
      {older.hasMore && (
        <Button
          variant="outlined"
          size="small"
          onClick={older.loadMore}
          disabled={older.loading}
        >
          {older.loading ? 'Loading older builds…' : 'Load older builds'}
        </Button>
      )}
      {older.error && (
        <Typography variant="body2" color="error" role="alert">
          Could not load older builds: {older.error.message}
        </Typography>
      )}
    </Box>
  );
}

function BuildsList({
  data,
  pageSize,
}: {
  data: CodeBuild[];
  pageSize: number;
}) {
  return (
    <Table<CodeBuild>
      title="Builds (code Jenkins)"
      columns={columns}
      data={data}
      options={runTableOptions<CodeBuild>(data.length, pageSize)}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          No builds yet: the service has not been built. Check the{' '}
          <code>delivery/code-job</code> annotation names the code Jenkins job.
        </Typography>
      }
    />
  );
}
