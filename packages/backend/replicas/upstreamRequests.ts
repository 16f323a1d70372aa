import { okJson } from './http';

/** The sandbox's request counts (GET /requests on its control API). */
export interface RequestCounts {
  total: number;
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
}

/** Reads the sandbox's request counts. */
export function readRequestCounts(controlUrl: string): Promise<RequestCounts> {
  return okJson<RequestCounts>(`${controlUrl}/requests`);
}

/** The upstream routes counted between two snapshots, as `upstream ROUTE xN`. */
export function routesAdded(from: RequestCounts, to: RequestCounts): string[] {
  return Object.entries(to.upstreams).flatMap(([upstream, { routes }]) =>
    Object.entries(routes)
      .map(
        ([route, n]) =>
          [route, n - (from.upstreams[upstream]?.routes[route] ?? 0)] as const,
      )
      .filter(([, n]) => n > 0)
      .map(([route, n]) => `${upstream} ${route} x${n}`),
  );
}
