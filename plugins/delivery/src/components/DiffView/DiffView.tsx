import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import type { PromotionFileChange } from '@gitops-delivery/backstage-plugin-delivery-common';
import { parseUnifiedDiff, type DiffLine } from '../../utils/diff';

const useStyles = makeStyles(theme => ({
  file: { margin: theme.spacing(1, 0, 2) },
  pre: {
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto',
    fontFamily: 'Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: theme.typography.pxToRem(12.5),
    lineHeight: 1.5,
    backgroundColor: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  line: {
    display: 'block',
    padding: theme.spacing(0, 1),
    whiteSpace: 'pre',
    textDecoration: 'none',
    color: theme.palette.text.primary,
  },
  added: {
    backgroundColor: alpha(theme.palette.success.main, 0.18),
  },
  removed: {
    backgroundColor: alpha(theme.palette.error.main, 0.18),
  },
  hunk: { color: theme.palette.info.main },
  header: { color: theme.palette.text.secondary, fontWeight: 600 },
  note: { color: theme.palette.text.secondary, fontStyle: 'italic' },
  context: {},
  srOnly: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

const SPOKEN: Partial<Record<DiffLine['kind'], string>> = {
  added: 'added: ',
  removed: 'removed: ',
};

const TAGS: Partial<Record<DiffLine['kind'], 'ins' | 'del'>> = {
  added: 'ins',
  removed: 'del',
};

function Line({ line }: { line: DiffLine }) {
  const classes = useStyles();
  const Tag = TAGS[line.kind] ?? 'span';
  const spoken = SPOKEN[line.kind];
  return (
    <Tag
      className={`${classes.line} ${classes[line.kind]}`}
      data-kind={line.kind}
    >
      {spoken && <span className={classes.srOnly}>{spoken}</span>}
      {line.text || ' '}
    </Tag>
  );
}

/** Props of {@link DiffView}. */
export interface DiffViewProps {
  changes: PromotionFileChange[];
}

/**
 * The change a promotion proposes, one unified diff per file: monospace,
 * added/removed lines as `<ins>`/`<del>` tinted from the theme palette and
 * announced as "added"/"removed" to screen readers.
 */
export function DiffView(props: DiffViewProps) {
  const classes = useStyles();
  if (props.changes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No file would change.
      </Typography>
    );
  }
  return (
    <>
      {props.changes.map(change => {
        const id = `delivery-diff-${change.path.replace(
          /[^A-Za-z0-9_-]/g,
          '-',
        )}`;
        return (
          <figure
            key={change.path}
            className={classes.file}
            aria-labelledby={id}
          >
            <Typography variant="subtitle2" component="figcaption" id={id}>
              {change.url ? (
                <Link to={change.url}>{change.path}</Link>
              ) : (
                change.path
              )}
            </Typography>
            <pre className={classes.pre} aria-label={`Diff of ${change.path}`}>
              <code>
                {parseUnifiedDiff(change.patch).map((line, i) => (
                  <Line key={i} line={line} />
                ))}
              </code>
            </pre>
          </figure>
        );
      })}
    </>
  );
}
