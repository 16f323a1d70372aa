import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import type { SourceState } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  describeFailure,
  sourceFailure,
  sourceLabel,
} from '../../utils/sources';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  list: { display: 'contents', margin: 0, padding: 0, listStyle: 'none' },
  ok: { color: theme.palette.status.ok },
  error: {
    color: theme.palette.status.error,
    borderColor: theme.palette.status.error,
  },
}));

/** Props of {@link SourcesSummary}. */
export interface SourcesSummaryProps {
  sources: Record<string, SourceState>;
}

/** A compact line of every upstream source: `14 of 15 sources OK` and a chip each. */
export function SourcesSummary(props: SourcesSummaryProps) {
  const { sources } = props;
  const classes = useStyles();
  const keys = Object.keys(sources);
  const failed = keys.filter(k => sources[k].status === 'error');
  const incomplete = keys.filter(k => {
    const s = sources[k];
    return s.status === 'ok' && s.incomplete;
  });
  return (
    <div className={classes.root}>
      <Typography
        variant="subtitle2"
        component="h3"
        id="delivery-sources-heading"
      >
        Sources: {keys.length - failed.length} of {keys.length} OK
      </Typography>
      <ul className={classes.list} aria-labelledby="delivery-sources-heading">
        {keys.map(key => {
          const failure = sourceFailure(sources, key);
          const state = sources[key];
          const note =
            state.status === 'ok'
              ? [state.incomplete ? 'incomplete' : '', state.note ?? '']
                  .filter(Boolean)
                  .join(', ')
              : '';
          const label = sourceLabel(key);
          const description = failure
            ? describeFailure(failure)
            : `${label}: OK${note ? ` (${note})` : ''}`;
          return (
            <li key={key}>
              <Tooltip title={description}>
                <Chip
                  size="small"
                  variant="outlined"
                  tabIndex={0}
                  className={failure ? classes.error : undefined}
                  icon={
                    failure ? (
                      <ErrorOutline className={classes.error} />
                    ) : (
                      <CheckCircleOutline className={classes.ok} />
                    )
                  }
                  label={failure ? `${label}: ${failure.kind}` : label}
                  aria-label={description}
                />
              </Tooltip>
            </li>
          );
        })}
      </ul>
      {incomplete.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          Partial data from {incomplete.map(sourceLabel).join(', ')} (page or
          size cap).
        </Typography>
      )}
    </div>
  );
}
