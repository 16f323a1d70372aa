import type {
  EnvironmentStatus,
  OverviewQuery,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** Rows per page the overview offers; the first is the default. */
export const OVERVIEW_PAGE_SIZES = [25, 50, 100] as const;

const STATUSES: EnvironmentStatus[] = [
  'in-sync',
  'deploying',
  'deploy-failed',
  'pending-deploy',
  'drifted',
  'unknown',
];

/** Every environment status, in the order the filter lists them. */
export const ENVIRONMENT_STATUSES: readonly EnvironmentStatus[] = STATUSES;

/** The overview's filters and page, as kept in the page's URL. */
export interface OverviewState {
  owner?: string;
  system?: string;
  status?: EnvironmentStatus;
  notInSync: boolean;
  search?: string;
  /** Zero-based page. */
  page: number;
  pageSize: number;
}

const isStatus = (s: string | null): s is EnvironmentStatus =>
  STATUSES.includes(s as EnvironmentStatus);

function positiveInt(raw: string | null, fallback: number): number {
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/**
 * Reads the overview state from `?owner=&system=&status=&notInSync=true&search=&page=&pageSize=`;
 * values that make no sense (an unknown status, a negative page) fall back to
 * the defaults instead of reaching the backend.
 */
export function readOverviewState(params: URLSearchParams): OverviewState {
  const pageSize = positiveInt(params.get('pageSize'), OVERVIEW_PAGE_SIZES[0]);
  const status = params.get('status');
  return {
    owner: params.get('owner') || undefined,
    system: params.get('system') || undefined,
    status: isStatus(status) ? status : undefined,
    notInSync: params.get('notInSync') === 'true',
    search: params.get('search') || undefined,
    page: positiveInt(params.get('page'), 0),
    pageSize: (OVERVIEW_PAGE_SIZES as readonly number[]).includes(pageSize)
      ? pageSize
      : OVERVIEW_PAGE_SIZES[0],
  };
}

/** The URL parameters of a state (defaults left out). */
export function writeOverviewState(state: OverviewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.owner) params.set('owner', state.owner);
  if (state.system) params.set('system', state.system);
  if (state.status) params.set('status', state.status);
  if (state.notInSync) params.set('notInSync', 'true');
  if (state.search) params.set('search', state.search);
  if (state.page > 0) params.set('page', String(state.page));
  if (state.pageSize !== OVERVIEW_PAGE_SIZES[0]) {
    params.set('pageSize', String(state.pageSize));
  }
  return params;
}

/** The backend query of a state: the page becomes offset and limit. */
export function toOverviewQuery(state: OverviewState): OverviewQuery {
  return {
    owner: state.owner,
    system: state.system,
    status: state.status ? [state.status] : undefined,
    notInSync: state.notInSync || undefined,
    search: state.search,
    offset: state.page * state.pageSize,
    limit: state.pageSize,
  };
}

/** `group:default/team-payments` -> `team-payments`; other namespaces kept. */
export function shortRef(ref: string): string {
  const match = /^[^:]+:(?:default\/)?(.+)$/.exec(ref);
  return match ? match[1] : ref;
}
