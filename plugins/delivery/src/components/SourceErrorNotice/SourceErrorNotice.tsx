import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorOutline from '@material-ui/icons/ErrorOutline';
import { WarningPanel } from '@backstage/core-components';
import {
  describeFailure,
  sourceErrorHint,
  type SourceFailure,
} from '../../utils/sources';

const useStyles = makeStyles(theme => ({
  inline: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    color: theme.palette.status.error,
  },
  icon: { fontSize: '1.1em', marginTop: 2 },
}));

/** Props of {@link SourceErrorNotice}. */
export interface SourceErrorNoticeProps {
  failure: SourceFailure;
  /** `panel` (default) for a section, `inline` inside a card field. */
  variant?: 'panel' | 'inline';
}

/**
 * A failed upstream source, shown where its data would have been:
 * `Code Jenkins: timeout — ...` plus what to do about it.
 */
export function SourceErrorNotice(props: SourceErrorNoticeProps) {
  const { failure, variant = 'panel' } = props;
  const classes = useStyles();
  const hint = sourceErrorHint(failure.kind);
  if (variant === 'inline') {
    return (
      <Typography variant="body2" component="span" className={classes.inline}>
        <ErrorOutline className={classes.icon} aria-hidden />
        <span>
          {describeFailure(failure)}
          {hint ? ` (${hint})` : ''}
        </span>
      </Typography>
    );
  }
  return (
    <WarningPanel
      severity="error"
      title={describeFailure(failure)}
      message={hint ? `What to do: ${hint}.` : undefined}
      defaultExpanded
    />
  );
}
