import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { EmptyState, Progress, WarningPanel } from '@backstage/core-components';
import { useOverview } from '../../hooks/useOverview';
import { describeError } from '../../utils/errors';
import { formatRelativeTime, formatTimestamp } from '../../utils/format';
import {
  readOverviewState,
  toOverviewQuery,
  writeOverviewState,
  type OverviewState,
} from '../../utils/overviewQuery';
import { OverviewFilters } from './OverviewFilters';
import { OverviewTable } from './OverviewTable';

/**
 * The organisation overview: every service with delivery annotations by
 * environment, from the recorded snapshots, filtered and paged by the
 * backend. The filters live in the URL, so a filtered view can be shared.
 */
export function DeliveryOverviewContent() {
  const [params, setParams] = useSearchParams();
  const state = readOverviewState(params);
  const { loading, error, value, retry } = useOverview(toOverviewQuery(state));

  const update = useCallback(
    (patch: Partial<OverviewState>, keepPage = false) =>
      setParams(
        current =>
          writeOverviewState({
            ...readOverviewState(current),
            ...(keepPage ? {} : { page: 0 }),
            ...patch,
          }),
        { replace: true },
      ),
    [setParams],
  );
  const filtered = Boolean(
    state.owner ||
      state.system ||
      state.status ||
      state.notInSync ||
      state.search,
  );

  return (
    <div data-testid="delivery-overview">
      <OverviewFilters state={state} overview={value} onChange={update} />
      {error && (
        <WarningPanel
          title="Could not load the delivery overview"
          defaultExpanded
        >
          <Typography variant="body2">{describeError(error)}</Typography>
          <Button color="primary" variant="outlined" onClick={retry}>
            Retry
          </Button>
        </WarningPanel>
      )}
      {!value && loading && <Progress />}
      {value && !error && (
        <>
          <Box minHeight={4}>
            {loading && <LinearProgress aria-label="Loading the overview" />}
          </Box>
          <Typography
            variant="body2"
            role="status"
            data-testid="overview-summary"
          >
            {value.total} {value.total === 1 ? 'service' : 'services'}
            {filtered ? ' match these filters' : ' with delivery annotations'}
            {value.snapshotsFrom && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
              >
                {' '}
                · oldest snapshot{' '}
                <time
                  dateTime={value.snapshotsFrom}
                  title={formatTimestamp(value.snapshotsFrom)}
                >
                  {formatRelativeTime(value.snapshotsFrom)}
                </time>
              </Typography>
            )}
          </Typography>
          {value.total === 0 ? (
            <EmptyState
              missing="data"
              title={
                filtered
                  ? 'No service matches these filters'
                  : 'No delivery snapshot recorded yet'
              }
              description={
                filtered
                  ? 'Clear a filter to see more services.'
                  : 'The delivery history collector records a snapshot of every entity with delivery annotations on each run; none is recorded yet. Check that the delivery backend runs its collector (delivery.history in app-config).'
              }
            />
          ) : (
            <OverviewTable
              overview={value}
              page={state.page}
              pageSize={state.pageSize}
              onPage={page => update({ page }, true)}
              onPageSize={pageSize => update({ pageSize })}
            />
          )}
        </>
      )}
    </div>
  );
}
