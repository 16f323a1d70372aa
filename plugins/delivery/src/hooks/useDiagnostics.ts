import { useEffect } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/frontend-plugin-api';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import type { DeliveryDiagnostics } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../api';

/** The state of the setup check of one entity. */
export interface DiagnosticsState {
  /** True until the first run starts. */
  idle: boolean;
  loading: boolean;
  error?: Error;
  value?: DeliveryDiagnostics;
  /** Runs (or re-runs) the check. */
  run: () => void;
}

/**
 * The delivery doctor's report of an entity, fetched on demand through
 * {@link deliveryApiRef}; `runNow` fetches it once on mount.
 */
export function useDiagnostics(
  entity: Entity,
  runNow: boolean,
): DiagnosticsState {
  const api = useApi(deliveryApiRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const lowerKind = kind.toLocaleLowerCase('en-US');
  const [state, run] = useAsyncFn(
    () => api.getDiagnostics({ namespace, kind: lowerKind, name }),
    [api, namespace, lowerKind, name],
  );
  useEffect(() => {
    if (runNow) run();
  }, [runNow, run]);
  const idle = !state.loading && !state.error && !state.value;
  return {
    idle,
    loading: state.loading,
    error: state.error,
    value: state.value,
    run: () => {
      run();
    },
  };
}
