import { ReactNode } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type { StatusKind } from '../../utils/status';

const useStyles = makeStyles({
  root: { display: 'inline-flex' },
});

const STATUS_COMPONENTS: Record<
  StatusKind,
  (props: { children?: ReactNode }) => JSX.Element
> = {
  ok: StatusOK,
  warning: StatusWarning,
  error: StatusError,
  pending: StatusPending,
  running: StatusRunning,
  aborted: StatusAborted,
};

/** Props of {@link StatusIndicator}. */
export interface StatusIndicatorProps {
  kind: StatusKind;
  /** Visible text, e.g. `Drifted`. */
  label: string;
  /** Accessible name; defaults to the label. */
  ariaLabel?: string;
  /** Shown as a tooltip (the accessible name should include it too). */
  description?: string;
}

/**
 * A core-components status indicator with an accessible name: the status
 * components hide themselves from screen readers, so the wrapper carries
 * `role="img"` and the label.
 */
export function StatusIndicator(props: StatusIndicatorProps) {
  const { kind, label, ariaLabel, description } = props;
  const classes = useStyles();
  const Status = STATUS_COMPONENTS[kind];
  const badge = (
    <span
      className={classes.root}
      role="img"
      aria-label={ariaLabel ?? label}
      data-status={kind}
    >
      <Status>{label}</Status>
    </span>
  );
  return description ? <Tooltip title={description}>{badge}</Tooltip> : badge;
}
