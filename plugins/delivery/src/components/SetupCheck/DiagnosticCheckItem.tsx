import type { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import type {
  DiagnosticCheck,
  DiagnosticFix,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { diagnosticStatusDisplay } from '../../utils/diagnostics';
import { viaLabel } from '../../utils/evidence';
import { keyLocation } from '../../utils/fixKey';
import { CopyableCode } from '../CopyableCode';
import { StatusIndicator } from '../StatusIndicator';

const useStyles = makeStyles(theme => ({
  item: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: theme.spacing(1, 0, 0),
  },
  term: {
    ...theme.typography.body2,
    color: theme.palette.text.secondary,
  },
  definition: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  urls: { margin: 0, padding: 0, listStyle: 'none' },
  fix: {
    marginTop: theme.spacing(1.5),
    padding: theme.spacing(1.5),
    borderLeft: `4px solid ${theme.palette.status.warning}`,
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    '& > * + *': { marginTop: theme.spacing(1) },
  },
  fixError: { borderLeftColor: theme.palette.status.error },
}));

function Field({ term, children }: { term: string; children: ReactNode }) {
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

/** How to fix a failed check: the key, where it lives, why, and an example to copy. */
export function DiagnosticFixBox(props: {
  fix: DiagnosticFix;
  severity: 'error' | 'warning';
}) {
  const { fix, severity } = props;
  const classes = useStyles();
  const where = keyLocation(fix.key);
  return (
    <div
      className={`${classes.fix} ${
        severity === 'error' ? classes.fixError : ''
      }`}
    >
      <Typography variant="subtitle2" component="p">
        Fix: set <code>{fix.key}</code>
        {where ? ` in ${where}` : ''}
      </Typography>
      <Typography variant="body2">{fix.explanation}</Typography>
      <Typography variant="body2" color="textSecondary" component="p">
        Example value:
      </Typography>
      <CopyableCode text={fix.example} what={`example value of ${fix.key}`} />
    </div>
  );
}

/** One check of the setup check: status, what was looked for and where, what was found, the fix. */
export function DiagnosticCheckItem(props: { check: DiagnosticCheck }) {
  const { check } = props;
  const classes = useStyles();
  const { kind, label } = diagnosticStatusDisplay(check.status);
  return (
    <li
      className={classes.item}
      data-check={check.id}
      data-status={check.status}
    >
      <div className={classes.header}>
        <StatusIndicator kind={kind} label={label} />
        <Typography variant="subtitle2" component="h4">
          {check.title}
        </Typography>
      </div>
      <dl className={classes.list}>
        <Field term="Looked for">{check.lookedFor}</Field>
        {check.where && check.where.length > 0 && (
          <Field term="Where">
            <ul className={classes.urls}>
              {check.where.map(url => (
                <li key={url}>
                  <Link to={url} underline="always">
                    {url}
                  </Link>
                </li>
              ))}
            </ul>
          </Field>
        )}
        {check.found && <Field term="Found">{check.found}</Field>}
        {check.matched && (
          <Field term="Matched by">
            <code>{check.matched}</code> ({viaLabel(check.matched)})
          </Field>
        )}
      </dl>
      {check.fix && (
        <DiagnosticFixBox
          fix={check.fix}
          severity={check.status === 'error' ? 'error' : 'warning'}
        />
      )}
    </li>
  );
}
