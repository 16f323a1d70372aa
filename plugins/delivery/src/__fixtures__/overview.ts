import type {
  DeliveryOverview,
  DoraSummary,
  EnvironmentStatus,
  OverviewEnvironment,
  OverviewQuery,
  OverviewRow,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/**
 * Twelve services of a small organisation as the recorded snapshots describe
 * them: three teams, three systems, dev/staging/prod, with a drift, a failed
 * deploy, a pending deploy and open promotion PRs. {@link answerOverview}
 * filters and pages them the way `GET /api/delivery/overview` does.
 */

export const OVERVIEW_ENVIRONMENTS = ['dev', 'staging', 'prod'];

type EnvTuple = [
  status: EnvironmentStatus,
  pinned: string | undefined,
  running: string | undefined,
  pinnedAt: string | undefined,
  openPromotions: number,
];

function envs(...tuples: EnvTuple[]): OverviewEnvironment[] {
  return tuples.map(
    ([status, pinnedVersion, runningVersion, pinnedAt, openPromotions], i) => ({
      name: OVERVIEW_ENVIRONMENTS[i],
      status,
      pinnedVersion,
      runningVersion,
      pinnedAt,
      openPromotions,
    }),
  );
}

function dora(
  deploysPerWeek: number,
  leadTimeMedianHours: number | null,
  changeFailureRate: number | null,
  timeToRestoreMedianHours: number | null,
  band?: DoraSummary['band'],
): DoraSummary {
  return {
    days: 30,
    deploysPerWeek,
    leadTimeMedianHours,
    changeFailureRate,
    timeToRestoreMedianHours,
    band,
  };
}

const row = (
  name: string,
  owner: string,
  system: string,
  environments: OverviewEnvironment[],
  summary?: DoraSummary,
): OverviewRow => ({
  entityRef: `component:default/${name}`,
  title: name,
  owner: `group:default/${owner}`,
  system: `system:default/${system}`,
  environments,
  dora: summary,
  snapshotAt: '2026-11-28T23:55:00.000Z',
});

/** The organisation's rows, sorted by entity ref. */
export const overviewRows: OverviewRow[] = [
  row(
    'billing-api',
    'team-payments',
    'payments',
    envs(
      ['in-sync', 'v2.4.1', 'v2.4.1', '2026-11-27T10:00:00Z', 0],
      ['in-sync', 'v2.4.0', 'v2.4.0', '2026-11-20T10:00:00Z', 1],
      ['in-sync', 'v2.3.9', 'v2.3.9', '2026-11-02T15:30:00Z', 1],
    ),
    dora(0.8, 210, 0.12, 9, 'medium'),
  ),
  row(
    'cart-service',
    'team-shop',
    'storefront',
    envs(
      ['in-sync', 'v1.18.0', 'v1.18.0', '2026-11-28T08:00:00Z', 0],
      ['deploying', 'v1.18.0', 'v1.17.2', '2026-11-28T21:40:00Z', 0],
      ['in-sync', 'v1.17.2', 'v1.17.2', '2026-11-25T12:00:00Z', 0],
    ),
    dora(3.5, 20, 0.04, 2, 'elite'),
  ),
  row(
    'catalog-search',
    'team-shop',
    'storefront',
    envs(
      ['in-sync', '0.9.3', '0.9.3', '2026-11-18T09:00:00Z', 0],
      ['in-sync', '0.9.3', '0.9.3', '2026-11-19T09:00:00Z', 0],
      ['pending-deploy', '0.9.3', '0.9.2', '2026-11-28T22:10:00Z', 0],
    ),
    dora(1.2, 60, 0.1, 5, 'high'),
  ),
  row(
    'checkout-web',
    'team-shop',
    'storefront',
    envs(
      ['in-sync', 'v4.2.0', 'v4.2.0', '2026-11-28T11:00:00Z', 0],
      ['in-sync', 'v4.2.0', 'v4.2.0', '2026-11-28T14:00:00Z', 0],
      ['deploy-failed', 'v4.2.0', 'v4.1.3', '2026-11-28T18:05:00Z', 0],
    ),
    dora(2.1, 30, 0.22, 7, 'medium'),
  ),
  row(
    'fraud-scoring',
    'team-payments',
    'payments',
    envs(
      ['in-sync', 'v0.7.0', 'v0.7.0', '2026-10-30T09:00:00Z', 0],
      ['in-sync', 'v0.7.0', 'v0.7.0', '2026-10-31T09:00:00Z', 0],
      ['in-sync', 'v0.6.4', 'v0.6.4', '2026-09-14T09:00:00Z', 1],
    ),
    dora(0.1, 1100, 0, null, 'low'),
  ),
  row(
    'inventory-sync',
    'team-platform',
    'platform',
    envs(
      ['drifted', 'v3.0.2', 'v3.0.1', '2026-11-26T10:00:00Z', 0],
      ['in-sync', 'v3.0.1', 'v3.0.1', '2026-11-24T10:00:00Z', 1],
      ['in-sync', 'v3.0.1', 'v3.0.1', '2026-11-25T10:00:00Z', 0],
    ),
    dora(1.6, 42, 0.08, 3, 'high'),
  ),
  row(
    'ledger',
    'team-payments',
    'payments',
    envs(
      ['in-sync', 'v5.1.0', 'v5.1.0', '2026-11-22T10:00:00Z', 0],
      ['in-sync', 'v5.1.0', 'v5.1.0', '2026-11-23T10:00:00Z', 0],
      ['in-sync', 'v5.1.0', 'v5.1.0', '2026-11-24T10:00:00Z', 0],
    ),
    dora(0.9, 70, 0.05, 4, 'high'),
  ),
  row(
    'notifications-gateway',
    'team-platform',
    'platform',
    envs(
      ['unknown', 'v1.0.4', undefined, '2026-11-10T10:00:00Z', 0],
      ['in-sync', 'v1.0.4', 'v1.0.4', '2026-11-11T10:00:00Z', 0],
      ['in-sync', 'v1.0.3', 'v1.0.3', '2026-11-01T10:00:00Z', 1],
    ),
    dora(0.5, 300, 0.15, 20, 'medium'),
  ),
  row(
    'payments-api',
    'team-payments',
    'payments',
    envs(
      ['in-sync', 'v0.1.0', 'v0.1.0', '2026-11-27T08:00:00Z', 0],
      ['unknown', undefined, undefined, undefined, 0],
      ['unknown', undefined, undefined, undefined, 0],
    ),
  ),
  row(
    'recommendations',
    'team-shop',
    'storefront',
    envs(
      ['in-sync', 'v0.3.0', 'v0.3.0', '2026-11-21T10:00:00Z', 0],
      ['in-sync', 'v0.3.0', 'v0.3.0', '2026-11-21T12:00:00Z', 0],
      // an older release without the `v` in its pin, with the `v` in its image tag
      ['in-sync', '0.3.0', 'v0.3.0', '2026-11-22T09:00:00Z', 0],
    ),
    dora(1.1, 26, 0, null, 'high'),
  ),
  row(
    'routing-controller',
    'team-platform',
    'platform',
    envs(
      ['in-sync', 'v2.0.0', 'v2.0.0', '2026-11-27T10:00:00Z', 0],
      ['drifted', 'v1.9.8', 'v1.9.7', '2026-11-12T10:00:00Z', 0],
      ['in-sync', 'v1.9.8', 'v1.9.8', '2026-11-13T10:00:00Z', 1],
    ),
    dora(0.7, 95, 0.2, 31, 'medium'),
  ),
  row(
    'xposer',
    'team-platform',
    'platform',
    envs(
      ['in-sync', 'v0.0.20', 'v0.0.20', '2026-11-25T16:30:00Z', 0],
      ['drifted', 'v0.0.20', 'v0.0.19', '2026-11-25T18:00:00Z', 0],
      ['deploy-failed', 'v0.0.19', '0.0.8', '2026-11-26T09:00:00Z', 1],
    ),
    dora(1.3, 28, 0.11, 7, 'high'),
  ),
];

const matches = (r: OverviewRow, q: OverviewQuery) =>
  (!q.owner || r.owner === q.owner) &&
  (!q.system || r.system === q.system) &&
  (!q.status?.length ||
    r.environments.some(e => q.status!.includes(e.status))) &&
  (!q.notInSync || r.environments.some(e => e.status !== 'in-sync')) &&
  (!q.search ||
    `${r.entityRef} ${r.title}`
      .toLocaleLowerCase('en-US')
      .includes(q.search.toLocaleLowerCase('en-US')));

/** Filters and pages `rows` as `GET /api/delivery/overview` does (default limit 50). */
export function answerOverview(
  query: OverviewQuery = {},
  rows: OverviewRow[] = overviewRows,
): DeliveryOverview {
  const filtered = rows.filter(r => matches(r, query));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  const statusCounts: DeliveryOverview['statusCounts'] = {};
  for (const r of rows) {
    for (const e of r.environments) {
      statusCounts[e.status] = (statusCounts[e.status] ?? 0) + 1;
    }
  }
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => !!v))].sort();
  return {
    environments: OVERVIEW_ENVIRONMENTS,
    rows: filtered.slice(offset, offset + limit),
    total: filtered.length,
    owners: distinct(rows.map(r => r.owner)),
    systems: distinct(rows.map(r => r.system)),
    statusCounts,
    snapshotsFrom: rows.map(r => r.snapshotAt).sort()[0],
  };
}
