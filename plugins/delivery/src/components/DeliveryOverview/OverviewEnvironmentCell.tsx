import Typography from '@material-ui/core/Typography';
import type { OverviewEnvironment } from '@gitops-delivery/backstage-plugin-delivery-common';
import { plural } from '../../utils/dora';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { environmentStatusDisplay } from '../../utils/status';
import { StatusIndicator } from '../StatusIndicator';

/** One environment of an overview row: status, versions, pin age, open PRs. */
export function OverviewEnvironmentCell({
  env,
  service,
}: {
  env: OverviewEnvironment | undefined;
  service: string;
}) {
  if (!env) {
    return (
      <Typography variant="body2" color="textSecondary">
        not deployed here
      </Typography>
    );
  }
  const { kind, label } = environmentStatusDisplay(env.status);
  // `0.0.19` pinned and image tag `v0.0.19` running are one version
  const bare = (v?: string) => v?.replace(/^v/, '');
  const same = bare(env.pinnedVersion) === bare(env.runningVersion);
  return (
    <>
      <StatusIndicator
        kind={kind}
        label={label}
        ariaLabel={`${service} in ${env.name}: ${label}`}
      />
      <Typography variant="body2" component="div">
        {same ? (
          <code>{env.pinnedVersion ?? 'no pin'}</code>
        ) : (
          <>
            pinned <code>{env.pinnedVersion ?? 'none'}</code>, running{' '}
            <code>{env.runningVersion ?? 'unknown'}</code>
          </>
        )}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {env.pinnedAt && (
          <>
            pinned{' '}
            <time dateTime={env.pinnedAt} title={formatTimestamp(env.pinnedAt)}>
              {formatRelativeTime(env.pinnedAt)}
            </time>
          </>
        )}
        {env.pinnedAt && env.openPromotions > 0 && ' · '}
        {env.openPromotions > 0 &&
          `${plural(env.openPromotions, 'open promotion PR')}`}
      </Typography>
    </>
  );
}
