import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import {
  sameVersion,
  type DeliveryView,
  type EnvironmentView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { sourceFailure } from '../../utils/sources';
import { BuildResultStatus } from '../BuildResultStatus';
import { EvidenceMarker, MissingLinkMarker } from '../LinkEvidence';
import { SourceErrorNotice } from '../SourceErrorNotice';

const useStyles = makeStyles(theme => ({
  mismatch: { color: theme.palette.status.warning, fontWeight: 500 },
}));

interface FieldProps {
  environment: EnvironmentView;
  view: DeliveryView;
}

/** `gitops/config-dev` from `http://host/gitops/config-dev`. */
export function repoName(url: string): string {
  try {
    return new URL(url).pathname.replace(/^\/+|\/+$/g, '') || url;
  } catch {
    return url;
  }
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
  } catch {
    return url;
  }
}

function sourceNote(view: DeliveryView, key: string): string | undefined {
  const state = view.sources[key];
  return state?.status === 'ok' ? state.note : undefined;
}

/** The backend reports an environment without `cluster` as an ok source with a note. */
function noClusterConfigured(view: DeliveryView, key: string): boolean {
  const state = view.sources[key];
  return !state || /no cluster/i.test(sourceNote(view, key) ?? '');
}

export function PinnedField({ environment: env, view }: FieldProps) {
  const failure = sourceFailure(view.sources, `configRepo:${env.name}`);
  if (failure) return <SourceErrorNotice failure={failure} variant="inline" />;
  if (!env.pinnedVersion) {
    const note = sourceNote(view, `configRepo:${env.name}`);
    return (
      <Typography variant="body2" color="textSecondary">
        Not pinned: no dependency named <code>{view.release}</code> in{' '}
        {repoName(env.configRepoUrl)}
        {note ? ` (${note})` : ''}. Add it to the requirements file, or set the{' '}
        <code>delivery/release</code> annotation.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span">
      <strong>{env.pinnedVersion}</strong>
      {env.pinFileUrl && (
        <>
          {' · '}
          <Link
            to={env.pinFileUrl}
            aria-label={`Pin of ${view.release} in ${repoName(
              env.configRepoUrl,
            )}: ${fileName(env.pinFileUrl)}`}
          >
            {fileName(env.pinFileUrl)}
          </Link>
        </>
      )}
      {env.valuesFileUrl && (
        <>
          {' · '}
          <Link
            to={env.valuesFileUrl}
            aria-label={`Values file of ${view.release} in ${repoName(
              env.configRepoUrl,
            )}: ${fileName(env.valuesFileUrl)}`}
          >
            {fileName(env.valuesFileUrl)}
          </Link>
        </>
      )}
    </Typography>
  );
}

export function RunningField({ environment: env, view }: FieldProps) {
  const classes = useStyles();
  const key = `cluster:${env.name}`;
  const failure = sourceFailure(view.sources, key);
  if (failure) return <SourceErrorNotice failure={failure} variant="inline" />;
  if (!env.runningVersion) {
    return (
      <Typography variant="body2" color="textSecondary">
        {noClusterConfigured(view, key)
          ? `No cluster configured (delivery.environments[${env.name}].cluster)`
          : `No ${view.release} deployment found in the cluster`}
      </Typography>
    );
  }
  const live = env.live;
  const differs =
    env.pinnedVersion !== undefined &&
    !sameVersion(env.pinnedVersion, env.runningVersion);
  const labeled =
    live?.labeledVersion && live.labeledVersion !== env.runningVersion
      ? live.labeledVersion
      : undefined;
  return (
    <Typography variant="body2" component="span">
      <strong>{env.runningVersion}</strong>
      {live?.replicas !== undefined &&
        ` · ${live.readyReplicas ?? 0}/${live.replicas} ready`}
      {labeled && ` · Helm label says ${labeled}`}
      {differs && (
        <span className={classes.mismatch}>
          {` · not the pinned ${env.pinnedVersion}`}
        </span>
      )}
    </Typography>
  );
}

export function LastDeployField({ environment: env, view }: FieldProps) {
  const failure = sourceFailure(view.sources, `deployJenkins:${env.name}`);
  if (failure) return <SourceErrorNotice failure={failure} variant="inline" />;
  const run = env.lastDeploy;
  if (!run) {
    return (
      <Typography variant="body2" color="textSecondary">
        No deploy run yet
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span">
      <BuildResultStatus
        result={run.result}
        building={run.building}
        subject={`${env.name} deploy #${run.number}`}
      />{' '}
      <Link
        to={run.url}
        aria-label={`Deploy run #${run.number} of ${env.name} in Jenkins`}
      >
        #{run.number}
      </Link>
      {run.version && ` · ${run.version}`}
      {' · '}
      <time dateTime={run.startedAt} title={formatTimestamp(run.startedAt)}>
        {formatRelativeTime(run.startedAt)}
      </time>
      <ConfigCommitLine environment={env} />
    </Typography>
  );
}

/** The config commit a deploy run rolled out, and how it was found. */
function ConfigCommitLine({
  environment: env,
}: {
  environment: EnvironmentView;
}) {
  const run = env.lastDeploy;
  if (!run) return null;
  const commit = run.configCommit;
  if (!commit) {
    return (
      <MissingLinkMarker
        block
        text="no config commit"
        hint={run.configCommitVia?.detail}
      />
    );
  }
  return (
    <Typography variant="body2" component="span" style={{ display: 'block' }}>
      config{' '}
      {commit.url ? (
        <Link
          to={commit.url}
          aria-label={`Config commit ${commit.shortSha} of ${env.name}`}
        >
          <code>{commit.shortSha}</code>
        </Link>
      ) : (
        <code>{commit.shortSha}</code>
      )}
      {run.configCommitVia && (
        <>
          {' '}
          <EvidenceMarker evidence={run.configCommitVia} />
        </>
      )}
    </Typography>
  );
}

export function PromotionsField({ environment: env, view }: FieldProps) {
  const failure = sourceFailure(view.sources, `promotions:${env.name}`);
  if (failure) return <SourceErrorNotice failure={failure} variant="inline" />;
  if (env.openPromotions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        None open
      </Typography>
    );
  }
  return (
    <ul
      aria-label={`Open promotion pull requests for ${env.name}`}
      style={{ margin: 0, paddingLeft: 16 }}
    >
      {env.openPromotions.map(pr => (
        <li key={pr.number}>
          <Typography variant="body2" component="span">
            <Link to={pr.url}>
              #{pr.number}
              {pr.version ? ` → ${pr.version}` : ''}
            </Link>{' '}
            {pr.title}
          </Typography>
        </li>
      ))}
    </ul>
  );
}
