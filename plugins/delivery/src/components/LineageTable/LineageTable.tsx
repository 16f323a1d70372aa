import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { Link, Table, type TableColumn } from '@backstage/core-components';
import type {
  DeliveryView,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  MISSING_LINK_TEXT,
  missingLinkHint,
  type LineageLink,
} from '../../utils/evidence';
import { shortDigest } from '../../utils/format';
import { sourceFailure } from '../../utils/sources';
import { BuildResultStatus } from '../BuildResultStatus';
import { EvidenceMarker, MissingLinkMarker } from '../LinkEvidence';
import { VersionEnvironmentChips } from '../VersionEnvironmentChips';

/** Props of {@link LineageTable}. */
export interface LineageTableProps {
  view: DeliveryView;
  selected?: string;
  onSelect: (version: string) => void;
}

const PAGE_SIZE = 10;

function Missing({ text }: { text: string }) {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {text}
    </Typography>
  );
}

/** How the link was made, under the linked value. */
function Via({ row, link }: { row: VersionLineage; link: LineageLink }) {
  const evidence = row.links?.[link];
  return evidence ? <EvidenceMarker evidence={evidence} block /> : null;
}

/** A link that could not be made: the source failed, or nothing matched. */
function MissingLink({
  row,
  link,
  sourceDown,
}: {
  row: VersionLineage;
  link: LineageLink;
  /** e.g. `code Jenkins` when that source failed. */
  sourceDown?: string;
}) {
  if (sourceDown) return <Missing text={`unknown (${sourceDown} failed)`} />;
  return (
    <MissingLinkMarker
      text={MISSING_LINK_TEXT[link]}
      hint={missingLinkHint(link, { hasBuild: Boolean(row.build) })}
    />
  );
}

function columns(
  view: DeliveryView,
  selected: string | undefined,
  onSelect: (version: string) => void,
): TableColumn<VersionLineage>[] {
  const nexusDown = Boolean(sourceFailure(view.sources, 'nexus'));
  const chartsDown = Boolean(sourceFailure(view.sources, 'chartMuseum'));
  const codeDown = Boolean(sourceFailure(view.sources, 'codeJenkins'));
  const order = view.environments.map(e => e.name);
  return [
    {
      title: 'Version',
      field: 'version',
      render: row => (
        <Button
          size="small"
          color="primary"
          variant={row.version === selected ? 'contained' : 'outlined'}
          aria-pressed={row.version === selected}
          aria-label={`Show the lineage of ${row.version}`}
          onClick={() => onSelect(row.version)}
        >
          {row.version}
        </Button>
      ),
    },
    {
      title: 'Commit',
      field: 'commit.sha',
      render: row =>
        row.commit ? (
          <>
            {row.commit.url ? (
              <Link
                to={row.commit.url}
                aria-label={`Commit ${row.commit.shortSha}`}
              >
                <code>{row.commit.shortSha}</code>
              </Link>
            ) : (
              <code>{row.commit.shortSha}</code>
            )}{' '}
            {row.commit.message}
            {row.commit.author && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {row.commit.author}
              </Typography>
            )}
            <Via row={row} link="commit" />
          </>
        ) : (
          <MissingLink
            row={row}
            link="commit"
            sourceDown={codeDown ? 'code Jenkins' : undefined}
          />
        ),
    },
    {
      title: 'Build',
      field: 'build.number',
      render: row =>
        row.build ? (
          <>
            <Link
              to={row.build.url}
              aria-label={`Code build #${row.build.number} in Jenkins`}
            >
              #{row.build.number}
            </Link>{' '}
            <BuildResultStatus
              result={row.build.result}
              subject={`Build #${row.build.number}`}
            />
            <Via row={row} link="build" />
          </>
        ) : (
          <MissingLink
            row={row}
            link="build"
            sourceDown={codeDown ? 'code Jenkins' : undefined}
          />
        ),
    },
    {
      title: 'Image',
      field: 'image.tag',
      render: row =>
        row.image ? (
          <>
            {row.image.url ? (
              <Link
                to={row.image.url}
                aria-label={`Image ${row.image.name}:${row.image.tag}`}
              >
                {row.image.tag}
              </Link>
            ) : (
              <span title={`${row.image.name}:${row.image.tag}`}>
                {row.image.tag}
              </span>
            )}
            {row.image.digest && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
                title={row.image.digest}
              >
                {shortDigest(row.image.digest)}
              </Typography>
            )}
            <Via row={row} link="image" />
          </>
        ) : (
          <MissingLink
            row={row}
            link="image"
            sourceDown={nexusDown ? 'Nexus' : undefined}
          />
        ),
    },
    {
      title: 'Chart',
      field: 'chart.version',
      render: row => {
        if (!row.chart) {
          return (
            <MissingLink
              row={row}
              link="chart"
              sourceDown={chartsDown ? 'ChartMuseum' : undefined}
            />
          );
        }
        const text = `${row.chart.name} ${row.chart.version}`;
        return (
          <>
            {row.chart.url ? (
              <Link to={row.chart.url}>{text}</Link>
            ) : (
              <span>{text}</span>
            )}
            <Via row={row} link="chart" />
          </>
        );
      },
    },
    {
      title: 'Environments',
      sorting: false,
      render: row => (
        <VersionEnvironmentChips
          version={row.version}
          states={row.environments}
          order={order}
        />
      ),
    },
  ];
}

/** Versions newest first with their commit, build, artifacts and environments. */
export function LineageTable(props: LineageTableProps) {
  const { view, selected, onSelect } = props;
  const theme = useTheme();
  const data = view.versions.map(v => ({ ...v }));
  return (
    <Table<VersionLineage>
      title="Versions"
      subtitle="Newest first; select a version to see its whole chain"
      columns={columns(view, selected, onSelect)}
      data={data}
      options={{
        paging: data.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        pageSizeOptions: [10, 20, 50],
        search: false,
        sorting: false,
        padding: 'dense',
        draggable: false,
        rowStyle: row =>
          row.version === selected
            ? { backgroundColor: theme.palette.action.selected }
            : {},
      }}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: theme.spacing(2) }}
        >
          No versions yet: the code Jenkins job (annotation{' '}
          <code>delivery/code-job</code>) has not released one, and ChartMuseum
          has no chart (<code>delivery/chart</code>).
        </Typography>
      }
    />
  );
}
