import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { DoraSummary } from '@gitops-delivery/backstage-plugin-delivery-common';
import { formatFrequency, formatHours, formatRate } from '../../utils/dora';
import { BandChip } from '../BandChip';

/** The DORA summary of a row: band, then the four keys in one dense line. */
export function DoraSummaryCell({
  dora,
  service,
}: {
  dora: DoraSummary | undefined;
  service: string;
}) {
  if (!dora) {
    return (
      <Typography variant="body2" color="textSecondary">
        no production history yet
      </Typography>
    );
  }
  return (
    <Box
      display="flex"
      flexDirection="column"
      alignItems="flex-start"
      style={{ gap: 4 }}
    >
      {dora.band && (
        <BandChip band={dora.band} subject={`${service} overall`} />
      )}
      <Typography variant="caption" component="div">
        last {dora.days} days: {formatFrequency(dora.deploysPerWeek)} · lead{' '}
        {formatHours(dora.leadTimeMedianHours)} · CFR{' '}
        {formatRate(dora.changeFailureRate)} · restore{' '}
        {formatHours(dora.timeToRestoreMedianHours)}
      </Typography>
    </Box>
  );
}
