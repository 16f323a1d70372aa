import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import LinkIcon from '@material-ui/icons/Link';
import LinkOff from '@material-ui/icons/LinkOff';
import type { LinkEvidence } from '@gitops-delivery/backstage-plugin-delivery-common';
import { viaLabel } from '../../utils/evidence';
import { visuallyHidden } from '../../utils/styles';

const useStyles = makeStyles(theme => ({
  marker: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.text.secondary,
    verticalAlign: 'middle',
  },
  block: { display: 'flex' },
  solidIcon: { fontSize: '1.1em', color: theme.palette.status.ok },
  missingIcon: { fontSize: '1.1em', color: theme.palette.status.warning },
  detail: { color: theme.palette.text.secondary },
  hidden: visuallyHidden,
}));

/** Props of {@link EvidenceMarker}. */
export interface EvidenceMarkerProps {
  evidence: LinkEvidence;
  /**
   * `compact` (default): `via git tag`, the detail in a tooltip and in
   * screen-reader text; `full`: the detail written out after the marker.
   */
  variant?: 'compact' | 'full';
  /** On a line of its own (default inline). */
  block?: boolean;
}

/** How one link of the lineage was made: `🔗 via git tag` plus what was seen. */
export function EvidenceMarker(props: EvidenceMarkerProps) {
  const { evidence, variant = 'compact', block = false } = props;
  const classes = useStyles();
  const label = `via ${viaLabel(evidence.via)}`;
  const className = `${classes.marker} ${block ? classes.block : ''}`;
  if (variant === 'full') {
    return (
      <Typography
        variant="caption"
        component="span"
        className={className}
        data-evidence={evidence.via}
      >
        <LinkIcon className={classes.solidIcon} aria-hidden />
        <span>
          {label}
          {evidence.detail && `: ${evidence.detail}`}
        </span>
      </Typography>
    );
  }
  const marker = (
    <Typography
      variant="caption"
      component="span"
      className={className}
      data-evidence={evidence.via}
    >
      <LinkIcon className={classes.solidIcon} aria-hidden />
      <span>
        <span>{label}</span>
        {evidence.detail && (
          <span className={classes.hidden}>: {evidence.detail}</span>
        )}
      </span>
    </Typography>
  );
  return evidence.detail ? (
    <Tooltip title={evidence.detail}>{marker}</Tooltip>
  ) : (
    marker
  );
}

/** Props of {@link MissingLinkMarker}. */
export interface MissingLinkMarkerProps {
  /** What is missing, e.g. `no build in history`. */
  text: string;
  /** What would supply it, when known. */
  hint?: string;
  /** `compact` (default): the hint in a tooltip and screen-reader text; `full`: written out. */
  variant?: 'compact' | 'full';
  block?: boolean;
}

/** A link of the lineage that could not be made: `⛓ no build in history`, and what would supply it. */
export function MissingLinkMarker(props: MissingLinkMarkerProps) {
  const { text, hint, variant = 'compact', block = false } = props;
  const classes = useStyles();
  const className = `${classes.marker} ${block ? classes.block : ''}`;
  const marker = (
    <Typography
      variant="body2"
      component="span"
      className={className}
      data-missing-link
    >
      <LinkOff className={classes.missingIcon} aria-hidden />
      <span>
        <span>{text}</span>
        {hint && variant === 'compact' && (
          <span className={classes.hidden}>: {hint}</span>
        )}
      </span>
    </Typography>
  );
  if (variant === 'full') {
    return (
      <>
        {marker}
        {hint && (
          <Typography
            variant="caption"
            component="div"
            className={classes.detail}
          >
            {hint}
          </Typography>
        )}
      </>
    );
  }
  return hint ? <Tooltip title={hint}>{marker}</Tooltip> : marker;
}
