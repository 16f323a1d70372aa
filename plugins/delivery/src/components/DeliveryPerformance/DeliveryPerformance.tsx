import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Progress, WarningPanel } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { usePerformance } from '../../hooks/usePerformance';
import { historyCoverage, type PerformancePeriod } from '../../utils/dora';
import { describeError } from '../../utils/errors';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import { HistoryNotice } from './HistoryNotice';
import { PerformanceKeys } from './PerformanceKeys';
import { PeriodSelector } from './PeriodSelector';

/** Props of {@link DeliveryPerformance}. */
export interface DeliveryPerformanceProps {
  entity: Entity;
  /** The period shown first (default 90 days). */
  initialDays?: PerformancePeriod;
}

/**
 * "Delivery performance": the four DORA keys of the entity in production over
 * 30, 90 or 180 days, from the recorded history, each with its band, trend
 * chart and the list of deploys, changes or incidents it counts.
 */
export function DeliveryPerformance(props: DeliveryPerformanceProps) {
  const { entity, initialDays = 90 } = props;
  const [days, setDays] = useState<PerformancePeriod>(initialDays);
  const { loading, error, value, retry } = usePerformance(entity, days);
  const empty =
    value && ['none', 'no-deploys'].includes(historyCoverage(value).kind);
  return (
    <section
      aria-labelledby="delivery-performance"
      data-testid="delivery-performance"
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        mb={1}
        style={{ gap: 8 }}
      >
        <div>
          <Typography variant="h5" component="h2" id="delivery-performance">
            Delivery performance
          </Typography>
          {value && (
            <Typography variant="caption" color="textSecondary">
              The four DORA keys in <strong>{value.environment}</strong>, last{' '}
              {value.period.days} days, from recorded history
              {value.collectedAt && (
                <>
                  {' '}
                  (collected{' '}
                  <time
                    dateTime={value.collectedAt}
                    title={formatTimestamp(value.collectedAt)}
                  >
                    {formatRelativeTime(value.collectedAt)}
                  </time>
                  )
                </>
              )}
            </Typography>
          )}
        </div>
        <PeriodSelector value={days} onChange={setDays} />
      </Box>
      {loading && <Progress />}
      {error && !loading && (
        <WarningPanel
          title="Could not load the delivery performance"
          defaultExpanded
        >
          <Typography variant="body2">{describeError(error)}</Typography>
          <Button color="primary" variant="outlined" onClick={retry}>
            Retry
          </Button>
        </WarningPanel>
      )}
      {value && !error && !loading && (
        <>
          <Box mb={empty ? 0 : 2}>
            <HistoryNotice perf={value} />
          </Box>
          {!empty && <PerformanceKeys perf={value} />}
        </>
      )}
    </section>
  );
}
