import { ReactNode, useId } from 'react';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  srOnly: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Props of {@link ActionButton}. */
export interface ActionButtonProps {
  /** Accessible name, e.g. `Promote to prod`; must contain the visible label. */
  name: string;
  children: ReactNode;
  startIcon?: ReactNode;
  /** When set the button is disabled and this is its tooltip and description. */
  disabledReason?: string;
  onClick: () => void;
}

/**
 * A small outlined button that, when disabled, says why: the reason is a
 * tooltip (on a wrapper, since disabled buttons get no mouse events) and the
 * button's accessible description (read by screen readers).
 */
export function ActionButton(props: ActionButtonProps) {
  const { name, children, startIcon, disabledReason, onClick } = props;
  const classes = useStyles();
  const reasonId = useId();
  const button = (
    <Button
      size="small"
      variant="outlined"
      color="primary"
      startIcon={startIcon}
      aria-label={name}
      aria-describedby={disabledReason ? reasonId : undefined}
      disabled={Boolean(disabledReason)}
      onClick={onClick}
    >
      {children}
    </Button>
  );
  if (!disabledReason) return button;
  return (
    <Tooltip title={disabledReason}>
      <span>
        {button}
        <span id={reasonId} className={classes.srOnly}>
          {disabledReason}
        </span>
      </span>
    </Tooltip>
  );
}
