import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  DeliveryOverview,
  OverviewQuery,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../api';

/** The state of loading one page of the organisation overview. */
export interface OverviewState {
  loading: boolean;
  error?: Error;
  /** The last page loaded; kept while the next one loads. */
  value?: DeliveryOverview;
  retry: () => void;
}

/** Loads one filtered page of the overview (filters and paging are the server's). */
export function useOverview(query: OverviewQuery): OverviewState {
  const api = useApi(deliveryApiRef);
  const key = JSON.stringify(query);
  const { loading, error, value, retry } = useAsyncRetry(
    () => api.getOverview(JSON.parse(key) as OverviewQuery),
    [api, key],
  );
  return { loading, error, value, retry };
}
