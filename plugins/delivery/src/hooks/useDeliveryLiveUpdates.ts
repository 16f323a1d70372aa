import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';
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
  const { lastSignal, isSignalsAvailable } = useSignal(
    deliveryEntityChannel(entityRef),
  );
  const latest = useRef(refetch);
  latest.current = refetch;

  // One refetch `debounceMs` after the FIRST signal of a burst: later signals
  // join the pending refetch instead of pushing it back (a merge sends a
  // pull_request, a push and Jenkins runs within a second or two, and the
  // first already made the view stale). A signal after the refetch started
  // schedules the next one.
  const pending = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    if (!lastSignal || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      latest.current();
    }, debounceMs);
  }, [lastSignal, debounceMs]);
  useEffect(() => () => clearTimeout(pending.current), []);

  useEffect(() => {
    if (isSignalsAvailable || pollIntervalMs <= 0) return undefined;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') latest.current();
    }, pollIntervalMs);
    return () => clearInterval(timer);
  }, [isSignalsAvailable, pollIntervalMs]);

  return { live: isSignalsAvailable };
}
