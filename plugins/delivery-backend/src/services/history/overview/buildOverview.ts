import type {
  DeliveryOverview,
  EnvironmentStatus,
  OverviewQuery,
  OverviewRow,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntitySnapshot } from '../types';
import { OVERVIEW_DEFAULT_LIMIT } from './overviewQuery';

const byTitle = new Intl.Collator('en', { sensitivity: 'base' });

function matches(row: EntitySnapshot, query: OverviewQuery): boolean {
  if (query.owner && row.owner !== query.owner) return false;
  if (query.system && row.system !== query.system) return false;
  const statuses = row.environments.map(e => e.status);
  if (query.status?.length && !statuses.some(s => query.status!.includes(s)))
    return false;
  if (query.notInSync && statuses.every(s => s === 'in-sync')) return false;
  if (query.search) {
    const needle = query.search.toLocaleLowerCase();
    if (
      !row.entityRef.toLocaleLowerCase().includes(needle) &&
      !row.title.toLocaleLowerCase().includes(needle)
    )
      return false;
  }
  return true;
}

function distinct(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}

/**
 * The organisation overview from the recorded snapshots the caller may
 * read: filters (owner, system, any environment in one of `status`, any
 * environment not in sync, search in ref and title), rows by title then
 * ref, one page (`offset`, `limit`). `owners`, `systems` and `statusCounts`
 * (rows with at least one environment in that status) are over every
 * readable row, before the filters.
 */
export function buildOverview(
  snapshots: readonly EntitySnapshot[],
  query: OverviewQuery,
  environments: readonly string[],
): DeliveryOverview {
  const statusCounts: Partial<Record<EnvironmentStatus, number>> = {};
  for (const s of snapshots) {
    for (const status of new Set(s.environments.map(e => e.status))) {
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    }
  }
  const matching = snapshots
    .filter(s => matches(s, query))
    .sort(
      (a, b) =>
        byTitle.compare(a.title, b.title) ||
        a.entityRef.localeCompare(b.entityRef),
    );
  const offset = query.offset ?? 0;
  const rows: OverviewRow[] = matching
    .slice(offset, offset + (query.limit ?? OVERVIEW_DEFAULT_LIMIT))
    .map(s => ({
      entityRef: s.entityRef,
      title: s.title,
      owner: s.owner,
      system: s.system,
      environments: s.environments,
      dora: s.dora,
      snapshotAt: s.snapshotAt,
    }));
  const oldest = rows.reduce<string | undefined>(
    (min, r) =>
      min === undefined || Date.parse(r.snapshotAt) < Date.parse(min)
        ? r.snapshotAt
        : min,
    undefined,
  );
  return {
    environments: [...environments],
    rows,
    total: matching.length,
    owners: distinct(snapshots.map(s => s.owner)),
    systems: distinct(snapshots.map(s => s.system)),
    statusCounts,
    ...(oldest ? { snapshotsFrom: oldest } : {}),
  };
}
