import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import {
  sameVersion,
  type DeliveryView,
  type VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  MISSING_LINK_TEXT,
  missingLinkHint,
  type LineageLink,
} from '../../utils/evidence';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { sourceFailure } from '../../utils/sources';
import { BuildResultStatus } from '../BuildResultStatus';
import { EvidenceMarker, MissingLinkMarker } from '../LinkEvidence';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: {
    ...theme.typography.body2,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  definition: { margin: 0 },
}));

function When({ iso }: { iso?: string }) {
  if (!iso) return null;
  return (
    <>
      {' · '}
      <time dateTime={iso} title={formatTimestamp(iso)}>
        {formatRelativeTime(iso)}
      </time>
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <dt className={classes.term}>{term}</dt>
      <dd className={classes.definition}>
        <Typography variant="body2" component="div">
          {children}
        </Typography>
      </dd>
    </>
  );
}

/** How a link was made, or why it is missing and what would supply it. */
function LinkLine({
  lineage,
  view,
  link,
}: {
  lineage: VersionLineage;
  view: DeliveryView;
  link: LineageLink;
}) {
  const evidence = lineage.links?.[link];
  if (lineage[link]) {
    return evidence ? (
      <EvidenceMarker evidence={evidence} variant="full" block />
    ) : null;
  }
  const source = {
    commit: 'codeJenkins',
    build: 'codeJenkins',
    image: 'nexus',
    chart: 'chartMuseum',
  }[link];
  const failure = sourceFailure(view.sources, source);
  return (
    <MissingLinkMarker
      variant="full"
      block
      text={
        failure ? `unknown (${failure.label} failed)` : MISSING_LINK_TEXT[link]
      }
      hint={
        failure
          ? undefined
          : missingLinkHint(link, { hasBuild: Boolean(lineage.build) })
      }
    />
  );
}

function EnvironmentLine({
  lineage,
  view,
  name,
}: {
  lineage: VersionLineage;
  view: DeliveryView;
  name: string;
}) {
  const env = view.environments.find(e => e.name === name);
  const state = lineage.environments.find(s => s.environment === name);
  const prs = (env?.openPromotions ?? []).filter(pr =>
    sameVersion(pr.version, lineage.version),
  );
  const parts: ReactNode[] = [];
  if (state?.pinned) {
    parts.push(
      env?.pinFileUrl ? (
        <Link
          key="pin"
          to={env.pinFileUrl}
          aria-label={`${lineage.version} pinned in ${name}`}
        >
          pinned
        </Link>
      ) : (
        'pinned'
      ),
    );
  }
  if (state?.running) parts.push('running');
  if (state?.deployedBy) {
    parts.push(
      <span key="deploy">
        deployed by{' '}
        <Link
          to={state.deployedBy.url}
          aria-label={`Deploy run #${state.deployedBy.number} of ${name}`}
        >
          #{state.deployedBy.number}
        </Link>{' '}
        <BuildResultStatus
          result={state.deployedBy.result}
          subject={`Deploy #${state.deployedBy.number}`}
        />
        {state.deployedByVia && (
          <>
            {' '}
            <EvidenceMarker evidence={state.deployedByVia} />
          </>
        )}
      </span>,
    );
  }
  prs.forEach(pr =>
    parts.push(
      <Link
        key={`pr-${pr.number}`}
        to={pr.url}
        aria-label={`promotion PR #${pr.number} to ${name}`}
      >
        promotion PR #{pr.number}
      </Link>,
    ),
  );
  if (parts.length === 0)
    parts.push(
      env?.pinnedVersion ? `not here (pins ${env.pinnedVersion})` : 'not here',
    );
  return (
    <Row term={name}>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {p}
        </span>
      ))}
    </Row>
  );
}

/** The chain of one version as a list with a link to every upstream. */
export function ChainList({
  lineage,
  view,
}: {
  lineage: VersionLineage;
  view: DeliveryView;
}) {
  const classes = useStyles();
  const { commit, build, image, chart } = lineage;
  return (
    <dl className={classes.list}>
      <Row term="Commit">
        {commit ? (
          <>
            {commit.url ? (
              <Link to={commit.url}>
                <code>{commit.shortSha}</code>
              </Link>
            ) : (
              <code>{commit.shortSha}</code>
            )}{' '}
            {commit.message}
            {commit.author && ` — ${commit.author}`}
            <When iso={commit.timestamp} />
          </>
        ) : null}
        <LinkLine lineage={lineage} view={view} link="commit" />
      </Row>
      <Row term="Code build">
        {build ? (
          <>
            <Link to={build.url}>#{build.number}</Link>{' '}
            <BuildResultStatus
              result={build.result}
              subject={`Build #${build.number}`}
            />
            <When iso={build.startedAt} />
          </>
        ) : null}
        <LinkLine lineage={lineage} view={view} link="build" />
      </Row>
      <Row term="Image">
        {image ? (
          <>
            {image.url ? (
              <Link to={image.url}>{`${image.name}:${image.tag}`}</Link>
            ) : (
              `${image.name}:${image.tag}`
            )}
            {image.digest && (
              <>
                {' '}
                · <code>{image.digest}</code>
              </>
            )}
            <When iso={image.pushedAt} />
            {(image.revision || image.labelVersion) && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                OCI labels:{' '}
                {[
                  image.labelVersion && `version ${image.labelVersion}`,
                  image.revision && `revision ${image.revision.slice(0, 12)}`,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Typography>
            )}
          </>
        ) : null}
        <LinkLine lineage={lineage} view={view} link="image" />
      </Row>
      <Row term="Chart">
        {chart ? (
          <>
            {chart.url ? (
              <Link to={chart.url}>{`${chart.name} ${chart.version}`}</Link>
            ) : (
              `${chart.name} ${chart.version}`
            )}
            <When iso={chart.createdAt} />
          </>
        ) : null}
        <LinkLine lineage={lineage} view={view} link="chart" />
      </Row>
      {view.environments.map(env => (
        <EnvironmentLine
          key={env.name}
          lineage={lineage}
          view={view}
          name={env.name}
        />
      ))}
    </dl>
  );
}
