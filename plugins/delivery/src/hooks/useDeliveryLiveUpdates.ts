import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { deliveryEntityChannel } from '@gitops-delivery/backstage-plugin-delivery-common';

/** Options of {@link useDeliveryLiveUpdates}. */
export interface DeliveryLiveUpdatesOptions {
  /** A refetch follows the first signal of a burst after this delay; signals within it join that refetch (default 250 ms). */
  debounceMs?: number;
  /** Without signals: refetch this often while the page is visible (default 60 s; 0: never). */
  pollIntervalMs?: number;
}

/**
 * Keeps an open Delivery tab live: refetches the view when the backend
 * signals that what it shows changed (a merge, a push, a Jenkins run), a
 * burst of signals causing one refetch. When the app has no signals API,
 * polls instead, only while the page is visible.
 * @returns whether updates arrive by signal (`true`) or by polling.
 */
export function useDeliveryLiveUpdates(
  entityRef: string,
  refetch: () => void,
  options: DeliveryLiveUpdatesOptions = {},
): { live: boolean } {
  const { debounceMs = 250, pollIntervalMs = 60_000 } = options;
  const signals = useApiHolder().get(signalApiRef);
  const latest = useRef(refetch);
  latest.current = refetch;

  // Subscribed directly (not through useSignal's state): a signal re-renders
  // nothing; only the refetch does. One refetch `debounceMs` after the FIRST
  // signal of a burst: later signals join the pending refetch instead of
  // pushing it back (a merge sends a pull_request, a push and Jenkins runs
  // within a second or two, and the first already made the view stale). A
  // signal after the refetch started schedules the next one.
  useEffect(() => {
    if (!signals) return undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const { unsubscribe } = signals.subscribe(
      deliveryEntityChannel(entityRef),
      () => {
        if (pending) return;
        pending = setTimeout(() => {
          pending = undefined;
          latest.current();
        }, debounceMs);
      },
    );
    return () => {
      unsubscribe();
      clearTimeout(pending);
    };
  }, [signals, entityRef, debounceMs]);

  useEffect(() => {
    if (signals || pollIntervalMs <= 0) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') latest.current();
    }, pollIntervalMs);
    return () => clearInterval(timer);
  }, [signals, pollIntervalMs]);

  return { live: Boolean(signals) };
}
