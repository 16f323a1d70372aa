import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { DoraBand } from '@gitops-delivery/backstage-plugin-delivery-common';
import { bandLabel } from '../../utils/dora';

const BAND_COLOURS: Record<DoraBand, string> = {
  elite: '#1b7a3a',
  high: '#3f8f29',
  medium: '#b26a00',
  low: '#c62828',
};

const useStyles = makeStyles(theme => ({
  chip: {
    borderWidth: 2,
    color: theme.palette.text.primary,
    fontWeight: 600,
  },
  dot: {
    display: 'inline-block',
    width: 10,
    height: 10,
    borderRadius: '50%',
    marginLeft: 8,
  },
}));

/**
 * A DORA band as an outlined chip: the band's colour is the border and a dot
 * (never the only cue), the text keeps the theme's primary text colour so it
 * reads at 4.5:1 on any background.
 */
export function BandChip({
  band,
  subject,
}: {
  band: DoraBand;
  subject: string;
}) {
  const classes = useStyles();
  const colour = BAND_COLOURS[band];
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes.chip}
      style={{ borderColor: colour }}
      icon={
        <span
          className={classes.dot}
          style={{ backgroundColor: colour }}
          aria-hidden
        />
      }
      label={`${bandLabel(band)}`}
      aria-label={`${subject}: ${bandLabel(band)} band`}
      role="img"
    />
  );
}
