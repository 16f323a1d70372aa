import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLess from '@material-ui/icons/ExpandLess';
import ExpandMore from '@material-ui/icons/ExpandMore';
import type { EnvironmentView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { sourceLabel } from '../../utils/sources';
import { visuallyHidden } from '../../utils/styles';
import { MissingLinkBox } from './MissingLinkBox';

const useStyles = makeStyles(theme => ({
  toggle: { marginLeft: theme.spacing(-1), textTransform: 'none' },
  facts: { margin: theme.spacing(0.5, 0, 1), paddingLeft: theme.spacing(2) },
  source: { fontWeight: theme.typography.fontWeightMedium as number },
  hidden: visuallyHidden,
}));

/** Props of {@link StatusFacts}. */
export interface StatusFactsProps {
  environment: EnvironmentView;
}

/**
 * "Why?" under an environment's status: the facts the backend decided it
 * from and, when a link was missing, what would supply it. Open from the
 * start when a missing link left the status unknown.
 */
export function StatusFacts(props: StatusFactsProps) {
  const { name, status, statusFacts, missingLink } = props.environment;
  const facts = statusFacts ?? [];
  const classes = useStyles();
  // a missing link that left the status unknown is the whole story: show it
  const [open, setOpen] = useState(
    Boolean(missingLink) && status === 'unknown',
  );
  if (facts.length === 0 && !missingLink) return null;
  const id = `delivery-status-facts-${name}`;
  return (
    <div>
      <Button
        size="small"
        color="primary"
        className={classes.toggle}
        aria-expanded={open}
        aria-controls={id}
        startIcon={open ? <ExpandLess /> : <ExpandMore />}
        onClick={() => setOpen(o => !o)}
      >
        Why? <span className={classes.hidden}>({name} status)</span>
      </Button>
      {missingLink && !open && (
        <Typography variant="caption" color="textSecondary">
          a link is missing
        </Typography>
      )}
      <Collapse in={open}>
        <div id={id}>
          {facts.length > 0 ? (
            <ul
              className={classes.facts}
              aria-label={`Facts behind the ${name} status`}
            >
              {facts.map((f, i) => (
                <li key={i}>
                  <Typography variant="body2" component="span">
                    <span className={classes.source}>
                      {sourceLabel(f.source)}:
                    </span>{' '}
                    {f.fact}
                  </Typography>
                </li>
              ))}
            </ul>
          ) : (
            <Typography variant="body2" color="textSecondary">
              The backend reported no facts for this status.
            </Typography>
          )}
          {missingLink && <MissingLinkBox missingLink={missingLink} />}
        </div>
      </Collapse>
    </div>
  );
}
