import { useCallback, useEffect, useState } from 'react';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  CodeBuild,
  DeliveryView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../api';

/** Builds per older page (the view itself carries the newest 50). */
export const OLDER_BUILDS_PAGE = 50;

/** The view's builds followed by the older pages loaded so far. */
export interface OlderBuildsState {
  builds: CodeBuild[];
  /** There may be older builds to load (and the app can load them). */
  hasMore: boolean;
  loading: boolean;
  error?: Error;
  loadMore(): void;
}

/**
 * Pages back through a code job's builds beyond the view's newest ones
 * (`GET .../builds?offset=`). Builds are kept once by number, so a view
 * refreshed with new builds (shifting the offsets) never shows one twice.
 * Without the delivery API in the app (a static fixture), nothing more loads.
 */
export function useOlderBuilds(view: DeliveryView): OlderBuildsState {
  const api = useApiHolder().get(deliveryApiRef);
  const [older, setOlder] = useState<CodeBuild[]>([]);
  const [exhausted, setExhausted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();

  // another entity: start over
  useEffect(() => {
    setOlder([]);
    setExhausted(false);
    setError(undefined);
  }, [view.entityRef]);

  const newest = view.builds;
  const inView = new Set(newest.map(b => b.number));
  const builds = [...newest, ...older.filter(b => !inView.has(b.number))];
  const hasMore =
    Boolean(api) && !exhausted && newest.length >= OLDER_BUILDS_PAGE;

  const loadMore = useCallback(() => {
    if (!api || loading) return;
    const { kind, namespace, name } = parseEntityRef(view.entityRef);
    setLoading(true);
    setError(undefined);
    api
      .getBuilds(
        { kind, namespace, name },
        { offset: builds.length, limit: OLDER_BUILDS_PAGE },
      )
      .then(page => {
        setOlder(current => {
          const known = new Set([...newest, ...current].map(b => b.number));
          return [...current, ...page.builds.filter(b => !known.has(b.number))];
        });
        if (!page.hasMore) setExhausted(true);
      })
      .catch((e: Error) => setError(e))
      .finally(() => setLoading(false));
  }, [api, loading, view.entityRef, builds.length, newest]);

  return { builds, hasMore, loading, error, loadMore };
}
