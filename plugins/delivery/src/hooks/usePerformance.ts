import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import type { DeliveryPerformance } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../api';

/** The state of loading one entity's DORA figures. */
export interface PerformanceState {
  loading: boolean;
  error?: Error;
  value?: DeliveryPerformance;
  retry: () => void;
}

/** Loads the four keys of an entity over the last `days` days. */
export function usePerformance(entity: Entity, days: number): PerformanceState {
  const api = useApi(deliveryApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const lowerKind = kind.toLocaleLowerCase('en-US');
  const { loading, error, value, retry } = useAsyncRetry(
    () => api.getPerformance({ namespace, kind: lowerKind, name }, { days }),
    [api, namespace, lowerKind, name, days],
  );
  return { loading, error, value, retry };
}
