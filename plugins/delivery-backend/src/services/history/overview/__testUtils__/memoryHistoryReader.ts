import type { EntityHistory, EntitySnapshot, HistoryReader } from '../../types';

/**
 * Test helper: a {@link HistoryReader} over rows held in memory (the
 * database store is tested on its own); counts its calls.
 */
export class MemoryHistoryReader implements HistoryReader {
  readonly calls = { entityHistory: 0, listSnapshots: 0 };
  readonly sinceAsked: Date[] = [];

  constructor(
    private readonly histories: EntityHistory[],
    private readonly snapshots: EntitySnapshot[],
  ) {}

  async entityHistory(
    entityRef: string,
    options: { since: Date; environment?: string },
  ): Promise<EntityHistory> {
    this.calls.entityHistory += 1;
    this.sinceAsked.push(options.since);
    const h = this.histories.find(x => x.entityRef === entityRef);
    const since = options.since.getTime();
    const keep = (env: string, at: string) =>
      (!options.environment || env === options.environment) &&
      Date.parse(at) >= since;
    return {
      entityRef,
      builds: (h?.builds ?? []).filter(b => Date.parse(b.startedAt) >= since),
      changes: h?.changes ?? [],
      pinChanges: (h?.pinChanges ?? []).filter(p =>
        keep(p.environment, p.committedAt),
      ),
      deploys: (h?.deploys ?? []).filter(d => keep(d.environment, d.startedAt)),
      observations: (h?.observations ?? []).filter(o =>
        keep(o.environment, o.observedAt),
      ),
      actions: (h?.actions ?? []).filter(a => keep(a.environment, a.at)),
      historySince: h?.historySince,
      collectedAt: h?.collectedAt,
    };
  }

  async listSnapshots(): Promise<EntitySnapshot[]> {
    this.calls.listSnapshots += 1;
    return this.snapshots;
  }
}
