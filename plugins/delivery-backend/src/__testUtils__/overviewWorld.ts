import type { Entity } from '@backstage/catalog-model';
import type { HistoryStore } from '../database/history';
import { generatedSnapshots } from '../services/history/overview/__testUtils__/generatedSnapshots';
import type { EntitySnapshot } from '../services/history/types';

/**
 * Benchmark helper (bench/overviewBench.ts, and the two-replica load test in
 * packages/backend/replicas): a generated organisation of `services`
 * components over `environments`, as the catalog sees it and as the history
 * collector would have snapshotted it.
 */
export interface OverviewWorld {
  snapshots: EntitySnapshot[];
  /** One Component per snapshot (same name, title and owner). */
  entities: Entity[];
}

/**
 * A world of {@link generatedSnapshots} and the matching catalog
 * Components; `labels` are put on every Component (e.g. to count them in
 * the catalog once it has ingested them).
 */
export function overviewWorld(options: {
  services: number;
  environments: readonly string[];
  teams?: number;
  at?: string;
  labels?: Record<string, string>;
}): OverviewWorld {
  const snapshots = generatedSnapshots(options);
  const entities: Entity[] = snapshots.map(s => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: s.entityRef.split('/')[1],
      title: s.title,
      ...(options.labels ? { labels: options.labels } : {}),
    },
    spec: { type: 'service', owner: s.owner, lifecycle: 'production' },
  }));
  return { snapshots, entities };
}

/** The entities as one catalog file (`file:` location; JSON is YAML). */
export function catalogFile(entities: readonly Entity[]): string {
  return `${entities.map(e => JSON.stringify(e)).join('\n---\n')}\n`;
}

/**
 * Writes the snapshots through the store's own code (`putSnapshot`, the
 * call the history collector makes), `concurrency` at a time.
 */
export async function seedSnapshots(
  store: Pick<HistoryStore, 'putSnapshot'>,
  snapshots: readonly EntitySnapshot[],
  concurrency = 1,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < snapshots.length) await store.putSnapshot(snapshots[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
