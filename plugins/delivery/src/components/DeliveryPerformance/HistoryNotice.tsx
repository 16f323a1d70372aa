import Typography from '@material-ui/core/Typography';
import type { DeliveryPerformance } from '@gitops-delivery/backstage-plugin-delivery-common';
import { formatDay, historyCoverage, plural } from '../../utils/dora';

/**
 * What the recorded history does not cover, in words: nothing recorded, no
 * deploy in the period, or a period that starts before the history does.
 * Returns `null` when the history covers the whole period.
 */
export function historyMessage(perf: DeliveryPerformance): string | null {
  const coverage = historyCoverage(perf);
  const env = perf.environment;
  switch (coverage.kind) {
    case 'none':
      return perf.collectedAt
        ? `Nothing is recorded yet for this service in ${env}: the collector last ran ${formatDay(
            perf.collectedAt,
          )} and found no build, pin or deploy.`
        : `Nothing is recorded yet for this service: the delivery history collector has not run for it.`;
    case 'no-deploys':
      return Date.parse(coverage.since!) > Date.parse(perf.period.from)
        ? `No ${env} deploys of a new version recorded yet; history is recorded since ${formatDay(
            coverage.since!,
          )}.`
        : `No ${env} deploys of a new version recorded in the last ${
            perf.period.days
          } days; history is recorded since ${formatDay(coverage.since!)}.`;
    case 'partial':
      return `History is recorded since ${formatDay(
        coverage.since,
      )}: the first ${plural(
        coverage.unknownDays,
        'day',
      )} of this period are unknown, not counted as zero.`;
    default:
      return null;
  }
}

/** The {@link historyMessage} as a caption, when there is one. */
export function HistoryNotice({ perf }: { perf: DeliveryPerformance }) {
  const message = historyMessage(perf);
  if (!message) return null;
  return (
    <Typography variant="body2" role="note" data-testid="history-notice">
      {message}
    </Typography>
  );
}
