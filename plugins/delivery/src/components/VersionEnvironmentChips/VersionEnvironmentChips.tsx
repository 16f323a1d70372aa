import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { VersionEnvironmentState } from '@gitops-delivery/backstage-plugin-delivery-common';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  running: {
    borderColor: theme.palette.status.ok,
  },
}));

/** Props of {@link VersionEnvironmentChips}. */
export interface VersionEnvironmentChipsProps {
  version: string;
  states: VersionEnvironmentState[];
  /** Environment names in promotion order. */
  order: string[];
}

function describe(state: VersionEnvironmentState): string {
  if (state.pinned && state.running) return 'pinned and running';
  if (state.pinned) return 'pinned, not running';
  return 'running, not pinned';
}

/** Where a version is pinned and/or running: one chip per environment. */
export function VersionEnvironmentChips(props: VersionEnvironmentChipsProps) {
  const { version, states, order } = props;
  const classes = useStyles();
  const shown = states
    .filter(s => s.pinned || s.running)
    .sort(
      (a, b) => order.indexOf(a.environment) - order.indexOf(b.environment),
    );
  if (shown.length === 0) return null;
  return (
    <ul className={classes.list} aria-label={`Environments of ${version}`}>
      {shown.map(s => (
        <li key={s.environment}>
          <Chip
            size="small"
            label={
              s.running && !s.pinned
                ? `${s.environment} (running)`
                : s.environment
            }
            color={s.pinned ? 'primary' : 'default'}
            variant={s.running ? 'default' : 'outlined'}
            className={s.running ? classes.running : undefined}
            aria-label={`${s.environment}: ${describe(s)}`}
            title={`${s.environment}: ${describe(s)}`}
          />
        </li>
      ))}
    </ul>
  );
}
