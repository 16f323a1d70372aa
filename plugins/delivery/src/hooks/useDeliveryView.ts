import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../api';

/** The state of loading one entity's delivery view. */
export interface DeliveryViewState {
  loading: boolean;
  error?: Error;
  value?: DeliveryView;
  retry: () => void;
}

/** Loads the delivery view of an entity through the {@link deliveryApiRef}. */
export function useDeliveryView(entity: Entity): DeliveryViewState {
  const api = useApi(deliveryApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const lowerKind = kind.toLocaleLowerCase('en-US');
  const { loading, error, value, retry } = useAsyncRetry(
    () => api.getView({ namespace, kind: lowerKind, name }),
    [api, namespace, lowerKind, name],
  );
  return { loading, error, value, retry };
}
