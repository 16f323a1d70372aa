import type {
  DeliveryView,
  DoraSummary,
  OverviewEnvironment,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  EntityHistory,
  EntitySnapshot,
  RecordedPinChange,
} from '../types';
import type { CollectedEntity } from './entityFacts';

const bare = (v?: string) => v?.replace(/^v/, '');

/** The newest recorded pin change of each environment. */
export function lastPinChanges(
  history: EntityHistory,
): Map<string, RecordedPinChange> {
  const out = new Map<string, RecordedPinChange>();
  for (const p of history.pinChanges) out.set(p.environment, p);
  return out;
}

/** The overview row of one entity: its view's environments and the recorded pin times. */
export function entitySnapshot(input: {
  facts: CollectedEntity;
  view: DeliveryView;
  history: EntityHistory;
  dora?: DoraSummary;
  now: Date;
}): EntitySnapshot {
  const { facts, view } = input;
  const lastPins = lastPinChanges(input.history);
  const environments = view.environments.map(e => {
    const row: OverviewEnvironment = {
      name: e.name,
      status: e.status,
      openPromotions: e.openPromotions.length,
    };
    if (e.pinnedVersion) row.pinnedVersion = e.pinnedVersion;
    if (e.runningVersion) row.runningVersion = e.runningVersion;
    const pin = lastPins.get(e.name);
    if (pin && e.pinnedVersion && bare(pin.toVersion) === bare(e.pinnedVersion))
      row.pinnedAt = pin.committedAt;
    return row;
  });
  const snapshot: EntitySnapshot = {
    entityRef: facts.entityRef,
    title: facts.title,
    environments,
    snapshotAt: input.now.toISOString(),
  };
  if (facts.owners[0]) snapshot.owner = facts.owners[0];
  if (facts.system) snapshot.system = facts.system;
  if (input.dora) snapshot.dora = input.dora;
  return snapshot;
}
