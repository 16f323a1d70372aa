/** Counts of requests per upstream and route (`GET /path`, no query). @public */
export interface RequestCounts {
  total: number;
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
}

/** Counts requests per upstream and route. @public */
export class RequestCounter {
  private counts = new Map<string, Map<string, number>>();

  record(upstream: string, method: string, path: string): void {
    const routes = this.counts.get(upstream) ?? new Map<string, number>();
    const route = `${method.toUpperCase()} ${path}`;
    routes.set(route, (routes.get(route) ?? 0) + 1);
    this.counts.set(upstream, routes);
  }

  /** Number of requests to an upstream, optionally only routes matching a pattern. */
  count(upstream: string, routePattern?: RegExp): number {
    let n = 0;
    for (const [route, c] of this.counts.get(upstream) ?? []) {
      if (!routePattern || routePattern.test(route)) n += c;
    }
    return n;
  }

  snapshot(): RequestCounts {
    const out: RequestCounts = { total: 0, upstreams: {} };
    for (const [upstream, routes] of this.counts) {
      const entry = { total: 0, routes: {} as Record<string, number> };
      for (const [route, c] of [...routes].sort((a, b) =>
        a[0].localeCompare(b[0]),
      )) {
        entry.routes[route] = c;
        entry.total += c;
      }
      out.upstreams[upstream] = entry;
      out.total += entry.total;
    }
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}
