/** Counts of requests per upstream and route (`GET /path`, no query). @public */
export interface RequestCounts {
  total: number;
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
}

/** One request of the timing log. @public */
export interface RequestLogEntry {
  /** When the request arrived, in ms since the counter was created or last reset (before any injected fault). */
  at: number;
  upstream: string;
  /** `GET /path` (no query), as in {@link RequestCounts}. */
  route: string;
  /** When its response was finished, in ms after `at` (injected latency included); absent while unanswered. */
  ms?: number;
}

/** The counts plus the timing log (`GET /requests?log=1` on the control API). @public */
export interface RequestCountsWithLog extends RequestCounts {
  /** The requests since the last reset, in arrival order (the first {@link RequestCounter.maxLog}). */
  log: RequestLogEntry[];
  /** Requests not logged because the log was full. */
  logDropped: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Counts requests per upstream and route, and logs when each arrived and was answered. @public */
export class RequestCounter {
  /** The timing log keeps this many requests per reset (a long-running sandbox stays bounded). */
  static readonly maxLog = 10_000;

  private counts = new Map<string, Map<string, number>>();
  private log: RequestLogEntry[] = [];
  private dropped = 0;
  private since = performance.now();

  /**
   * Counts and logs a request that arrived; call the function returned when
   * its response is finished (the log's `ms`).
   */
  record(upstream: string, method: string, path: string): () => void {
    const routes = this.counts.get(upstream) ?? new Map<string, number>();
    const route = `${method.toUpperCase()} ${path}`;
    routes.set(route, (routes.get(route) ?? 0) + 1);
    this.counts.set(upstream, routes);
    if (this.log.length >= RequestCounter.maxLog) {
      this.dropped++;
      return () => {};
    }
    const now = performance.now();
    const entry: RequestLogEntry = {
      at: round(now - this.since),
      upstream,
      route,
    };
    this.log.push(entry);
    // a reset empties the log; a request from before it stays out of the new one
    return () => {
      entry.ms = round(performance.now() - now);
    };
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

  /** {@link RequestCounter.snapshot} plus when each request arrived since the last reset. */
  snapshotWithLog(): RequestCountsWithLog {
    return {
      ...this.snapshot(),
      log: this.log.map(e => ({ ...e })),
      logDropped: this.dropped,
    };
  }

  reset(): void {
    this.counts.clear();
    this.log = [];
    this.dropped = 0;
    this.since = performance.now();
  }
}
