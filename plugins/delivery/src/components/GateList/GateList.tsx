import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import CheckCircle from '@material-ui/icons/CheckCircle';
import Cancel from '@material-ui/icons/Cancel';
import { makeStyles } from '@material-ui/core/styles';
import type { PromotionGateResult } from '@gitops-delivery/backstage-plugin-delivery-common';

const useStyles = makeStyles(theme => ({
  ok: { color: theme.palette.status.ok },
  failed: { color: theme.palette.status.error },
  icon: { minWidth: theme.spacing(4) },
}));

const RULE_LABELS: Record<string, string> = {
  'chart-exists': 'Chart in ChartMuseum',
  'image-exists': 'Image in Nexus',
  'build-succeeded': 'Code build succeeded',
  'running-in-previous': 'Running in the previous environment',
};

/** Human name of a gate rule (unknown rules as sent). */
export function gateLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule;
}

/** Props of {@link GateList}. */
export interface GateListProps {
  gates: PromotionGateResult[];
}

/** The promotion gates, each with a passed/failed icon and the backend's message. */
export function GateList(props: GateListProps) {
  const classes = useStyles();
  return (
    <List dense disablePadding aria-label="Promotion gates">
      {props.gates.map(gate => (
        <ListItem key={gate.rule} disableGutters>
          <ListItemIcon className={classes.icon}>
            {gate.ok ? (
              <CheckCircle className={classes.ok} titleAccess="passed" />
            ) : (
              <Cancel className={classes.failed} titleAccess="failed" />
            )}
          </ListItemIcon>
          <ListItemText
            primary={`${gateLabel(gate.rule)}: ${
              gate.ok ? 'passed' : 'failed'
            }`}
            secondary={gate.message}
          />
        </ListItem>
      ))}
    </List>
  );
}
