import { makeStyles } from '@material-ui/core/styles';
import { CopyTextButton } from '@backstage/core-components';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    verticalAlign: 'middle',
  },
  pre: {
    flex: 1,
    margin: 0,
    padding: theme.spacing(1, 1.5),
    overflowX: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.text.primary,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  code: { fontFamily: 'monospace', userSelect: 'all' },
}));

/** Props of {@link CopyableCode}. */
export interface CopyableCodeProps {
  /** The text to show and copy, e.g. `code:payments/payments-api/main`. */
  text: string;
  /** What is copied, for the button's name, e.g. `example value of delivery.versionFrom`. */
  what: string;
  /** `block` (default): a code block; `inline`: a code element in the text. */
  variant?: 'block' | 'inline';
}

/** A value to paste somewhere, in a code element with a copy button. */
export function CopyableCode(props: CopyableCodeProps) {
  const { text, what, variant = 'block' } = props;
  const classes = useStyles();
  const button = <CopyTextButton text={text} aria-label={`Copy the ${what}`} />;
  if (variant === 'inline') {
    return (
      <span className={classes.inline}>
        <code className={classes.code}>{text}</code>
        {button}
      </span>
    );
  }
  return (
    <div className={classes.root}>
      <pre className={classes.pre}>
        <code className={classes.code}>{text}</code>
      </pre>
      {button}
    </div>
  );
}
