/** What an injected fault does. @public */
export type FaultKind =
  | 'latency'
  | 'error'
  | 'hang'
  | 'html-login'
  | 'truncated-json'
  | 'oversized'
  | 'respond';

/** A fault to inject into one upstream. @public */
export interface FaultSpec {
  /** Upstream name (`jenkins-code`, `jenkins-deploy`, `nexus`, `chartmuseum`, `github`, `kubernetes`) or `*`. */
  upstream: string;
  /** Regular expression matched against the request path + query (default: everything). */
  pathPattern?: string;
  /** Only this HTTP method (default: any). */
  method?: string;
  kind: FaultKind;
  /** `latency`: delay before the real answer. */
  latencyMs?: number;
  /** `error`: status code (default 500); `respond`: (default 200). */
  status?: number;
  /** `error` / `respond`: body (default a short text / empty). JSON bodies get `application/json`. */
  body?: string;
  /** `error` / `respond`: extra response headers (e.g. `retry-after`, `x-ratelimit-remaining`). */
  headers?: Record<string, string>;
  /** `oversized`: bytes to stream (default 60 MB). */
  sizeBytes?: number;
  /** Apply only this many times (default: until cleared); `once` = `times: 1`. */
  times?: number;
  once?: boolean;
}

/** A registered fault. @public */
export interface Fault extends FaultSpec {
  id: number;
  hits: number;
}

function compile(pattern: string): RegExp {
  return new RegExp(pattern);
}

/** The faults currently injected. @public */
export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    if (spec.pathPattern) compile(spec.pathPattern); // throws on a bad pattern
    const fault: Fault = {
      ...spec,
      times: spec.once ? 1 : spec.times,
      id: this.nextId++,
      hits: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map(f => ({ ...f }));
  }

  clear(upstream?: string): void {
    this.faults = upstream
      ? this.faults.filter(f => f.upstream !== upstream)
      : [];
  }

  remove(id: number): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter(f => f.id !== id);
    return this.faults.length !== before;
  }

  /** Faults that apply to a request; counts the hit and drops exhausted ones. */
  take(upstream: string, method: string, url: string): Fault[] {
    const hits = this.faults.filter(
      f =>
        (f.upstream === upstream || f.upstream === '*') &&
        (!f.method || f.method.toUpperCase() === method.toUpperCase()) &&
        (!f.pathPattern || new RegExp(f.pathPattern).test(url)),
    );
    for (const f of hits) f.hits++;
    this.faults = this.faults.filter(
      f => f.times === undefined || f.hits < f.times,
    );
    return hits.map(f => ({ ...f }));
  }
}
