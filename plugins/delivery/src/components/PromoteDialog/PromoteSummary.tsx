import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
  },
  term: { color: theme.palette.text.secondary },
  definition: { margin: 0 },
}));

/** Props of {@link PromoteSummary}. */
export interface PromoteSummaryProps {
  version: string;
  /** Where the version comes from, e.g. `running in staging`. */
  source?: string;
  environment: string;
  currentVersion?: string;
}

/** Source version, target environment and the pin change. */
export function PromoteSummary(props: PromoteSummaryProps) {
  const { version, source, environment, currentVersion } = props;
  const classes = useStyles();
  return (
    <Typography component="dl" variant="body2" className={classes.list}>
      <dt className={classes.term}>Version</dt>
      <dd className={classes.definition}>
        <code>{version}</code>
        {source && ` (${source})`}
      </dd>
      <dt className={classes.term}>Target environment</dt>
      <dd className={classes.definition}>{environment}</dd>
      <dt className={classes.term}>Pin</dt>
      <dd className={classes.definition}>
        <code>{currentVersion ?? 'not pinned'}</code>
        {' → '}
        <code>{version}</code>
      </dd>
    </Typography>
  );
}
