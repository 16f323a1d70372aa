import type { EntitySnapshot, HistoryReader } from '../types';

/**
 * The last snapshots of every entity, read through `listSnapshots()` at most
 * once per `ttlMs` (default 5 s) and process, with concurrent callers
 * sharing one read. The collector rewrites snapshots every few minutes, so
 * a few seconds' reuse changes nothing a user can see; a failed read is not
 * kept.
 */
export class SnapshotCache {
  private entry?: { expiresAt: number; snapshots: Promise<EntitySnapshot[]> };

  constructor(
    private readonly history: Pick<HistoryReader, 'listSnapshots'>,
    private readonly ttlMs = 5_000,
  ) {}

  snapshots(): Promise<EntitySnapshot[]> {
    const now = Date.now();
    if (this.entry && this.entry.expiresAt > now) return this.entry.snapshots;
    const snapshots = this.history.listSnapshots();
    const entry = { expiresAt: now + this.ttlMs, snapshots };
    this.entry = entry;
    snapshots.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return snapshots;
  }
}
