import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { Progress, WarningPanel } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import type {
  DeliveryDiagnostics,
  DiagnosticCheck,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { useDiagnostics } from '../../hooks/useDiagnostics';
import {
  checksOfGroup,
  countChecks,
  summarizeChecks,
} from '../../utils/diagnostics';
import { viaLabel } from '../../utils/evidence';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { StatusIndicator } from '../StatusIndicator';
import { DiagnosticCheckItem } from './DiagnosticCheckItem';

const HEADING_ID = 'delivery-setup-check';
const BODY_ID = 'delivery-setup-check-body';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  checks: { margin: 0, padding: 0, listStyle: 'none' },
  strategies: {
    display: 'inline',
    margin: 0,
    padding: 0,
    listStyle: 'none',
    '& > li': { display: 'inline' },
    '& > li + li::before': { content: '" → "' },
  },
}));

/** Props of {@link SetupCheck}. */
export interface SetupCheckProps {
  entity: Entity;
  /** Run the check at once (the view showed a problem); otherwise when opened. */
  runNow?: boolean;
}

function Group(props: {
  id: string;
  title: string;
  checks: DiagnosticCheck[];
}) {
  const { id, title, checks } = props;
  const classes = useStyles();
  if (checks.length === 0) return null;
  return (
    <Box mt={2} component="section" aria-labelledby={id}>
      <Typography variant="h6" component="h3" id={id}>
        {title}
      </Typography>
      <ul className={classes.checks}>
        {checks.map(c => (
          <DiagnosticCheckItem key={c.id} check={c} />
        ))}
      </ul>
    </Box>
  );
}

function Report({ report }: { report: DeliveryDiagnostics }) {
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2" component="div">
        Versions are read by, in order (the first that finds one wins):{' '}
        {report.versionFrom.length > 0 ? (
          <ol
            className={classes.strategies}
            aria-label="Version strategies in force"
          >
            {report.versionFrom.map(s => (
              <li key={s}>
                <code>{s}</code> ({viaLabel(s)})
              </li>
            ))}
          </ol>
        ) : (
          'none'
        )}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        Set by <code>delivery.versionFrom</code> in app-config.yaml, or for this
        entity only by the <code>delivery/version-from</code> annotation.
        Checked{' '}
        <time
          dateTime={report.generatedAt}
          title={formatTimestamp(report.generatedAt)}
        >
          {formatRelativeTime(report.generatedAt)}
        </time>
        .
      </Typography>
      <Group
        id="delivery-setup-check-sources"
        title="Sources"
        checks={checksOfGroup(report.checks, 'source')}
      />
      <Group
        id="delivery-setup-check-joins"
        title="Joins"
        checks={checksOfGroup(report.checks, 'join')}
      />
    </>
  );
}

function Summary({ report }: { report: DeliveryDiagnostics }) {
  const counts = countChecks(report.checks);
  const text = summarizeChecks(counts);
  if (counts.error) return <StatusIndicator kind="error" label={text} />;
  if (counts.warning) return <StatusIndicator kind="warning" label={text} />;
  return <StatusIndicator kind="ok" label={text} />;
}

/**
 * The delivery doctor in the tab: every source and every join between them
 * checked for this entity, with what was looked for and where, what was found,
 * and for each failure the key to set with an example. Runs at once when
 * `runNow`, else when opened; opens by itself when a check failed.
 */
export function SetupCheck(props: SetupCheckProps) {
  const { entity, runNow = false } = props;
  const classes = useStyles();
  const { idle, loading, error, value, run } = useDiagnostics(entity, runNow);
  const [toggled, setToggled] = useState<boolean | undefined>(undefined);
  const failed = Boolean(
    value?.checks.some(c => c.status === 'error' || c.status === 'warning'),
  );
  const expanded = toggled ?? failed;
  let toggleLabel = expanded ? 'Hide checks' : 'Show checks';
  if (idle && !expanded) toggleLabel = 'Run setup check';
  const onToggle = () => {
    if (idle) run();
    setToggled(!expanded);
  };
  return (
    <section aria-labelledby={HEADING_ID}>
      <Typography variant="h5" component="h2" id={HEADING_ID} gutterBottom>
        Setup check
      </Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        Checks every source and every link between them for this entity, and
        says which annotation or app-config key to change when one fails.
      </Typography>
      <div className={classes.bar}>
        <span aria-live="polite">
          {value && !loading && <Summary report={value} />}
          {loading && (
            <Typography variant="body2" color="textSecondary" component="span">
              Checking…
            </Typography>
          )}
          {error && !loading && (
            <StatusIndicator
              kind="error"
              label={`Could not run the setup check: ${error.message}`}
            />
          )}
          {idle && (
            <Typography variant="body2" color="textSecondary" component="span">
              Not run yet.
            </Typography>
          )}
        </span>
        <Button
          size="small"
          color="primary"
          variant="outlined"
          aria-expanded={expanded}
          aria-controls={BODY_ID}
          onClick={onToggle}
        >
          {toggleLabel}
        </Button>
        {!idle && (
          <Button size="small" color="primary" onClick={run} disabled={loading}>
            Run again
          </Button>
        )}
      </div>
      <Collapse in={expanded}>
        <div id={BODY_ID}>
          <Box mt={2}>
            {loading && <Progress />}
            {error && !loading && (
              <WarningPanel
                severity="error"
                title="Could not run the setup check"
                message={error.message}
                defaultExpanded
              />
            )}
            {value && !loading && <Report report={value} />}
          </Box>
        </div>
      </Collapse>
    </section>
  );
}
