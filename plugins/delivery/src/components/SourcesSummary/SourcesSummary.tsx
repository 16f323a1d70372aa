import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleOutline from '@material-ui/icons/CheckCircleOutline';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
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
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  ok: { color: theme.palette.status.ok },
  warning: { color: theme.palette.status.warning },
  error: {
    color: theme.palette.status.error,
    borderColor: theme.palette.status.error,
  },
}));

/** Props of {@link SourcesSummary}. */
export interface SourcesSummaryProps {
  sources: Record<string, SourceState>;
}

type Health = 'ok' | 'incomplete' | 'error';

function describeSource(key: string, state: SourceState) {
  const label = sourceLabel(key);
  const failure = sourceFailure({ [key]: state }, key);
  if (failure) {
    return {
      health: 'error' as Health,
      label: `${label}: ${failure.kind}`,
      description: describeFailure(failure),
    };
  }
  const note =
    state.status === 'ok'
      ? [state.incomplete ? 'incomplete' : '', state.note ?? '']
          .filter(Boolean)
          .join(', ')
      : '';
  const incomplete = state.status === 'ok' && Boolean(state.incomplete);
  return {
    health: (incomplete ? 'incomplete' : 'ok') as Health,
    label: incomplete ? `${label}: incomplete` : label,
    description: `${label}: OK${note ? ` (${note})` : ''}`,
  };
}

/**
 * A compact line on the health of every upstream source: `14 of 15 sources
 * OK`, a chip for each failed or incomplete one, and the full list on demand.
 */
export function SourcesSummary(props: SourcesSummaryProps) {
  const { sources } = props;
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  const items = Object.keys(sources).map(key => ({
    key,
    ...describeSource(key, sources[key]),
  }));
  const failed = items.filter(i => i.health === 'error').length;
  const shown = expanded ? items : items.filter(i => i.health !== 'ok');
  const icons: Record<Health, JSX.Element> = {
    ok: <CheckCircleOutline className={classes.ok} />,
    incomplete: <ReportProblemOutlined className={classes.warning} />,
    error: <ErrorOutline className={classes.error} />,
  };
  return (
    <div className={classes.root}>
      <Typography
        variant="subtitle2"
        component="h2"
        id="delivery-sources-heading"
      >
        Sources: {items.length - failed} of {items.length} OK
      </Typography>
      {shown.length > 0 && (
        <ul
          className={classes.list}
          id="delivery-sources-list"
          aria-labelledby="delivery-sources-heading"
        >
          {shown.map(item => (
            <li key={item.key}>
              <Tooltip title={item.description}>
                <Chip
                  size="small"
                  variant="outlined"
                  className={
                    item.health === 'error' ? classes.error : undefined
                  }
                  icon={icons[item.health]}
                  label={item.label}
                  aria-label={item.description}
                />
              </Tooltip>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <Button
          size="small"
          aria-expanded={expanded}
          aria-controls="delivery-sources-list"
          onClick={() => setExpanded(e => !e)}
        >
          {expanded ? 'Hide healthy sources' : 'Show all sources'}
        </Button>
      )}
    </div>
  );
}
