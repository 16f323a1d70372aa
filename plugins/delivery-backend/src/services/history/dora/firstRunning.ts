import { normalizeVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory } from '../types';
import { environmentDeploys } from './productionDeploys';
import { toMs } from './time';

/** When a version was first seen running in production, and how that is known. */
export interface FirstRunning {
  atMs: number;
  at: string;
  via: 'cluster' | 'deployRun';
}

/**
 * First seen running in the environment, per normalized version: the
 * earliest of a cluster observation with that running version and the end
 * of the first SUCCESS deploy run of that version (a tie is `cluster`).
 */
export function firstRunning(
  history: EntityHistory,
  environment: string,
): Map<string, FirstRunning> {
  const out = new Map<string, FirstRunning>();
  const offer = (version: string, at: string, via: FirstRunning['via']) => {
    const key = normalizeVersion(version);
    const atMs = toMs(at);
    const known = out.get(key);
    if (
      !known ||
      atMs < known.atMs ||
      (atMs === known.atMs && via === 'cluster')
    ) {
      out.set(key, { atMs, at, via });
    }
  };
  for (const o of history.observations) {
    if (o.environment === environment && o.runningVersion) {
      offer(o.runningVersion, o.observedAt, 'cluster');
    }
  }
  for (const d of environmentDeploys(history, environment)) {
    if (d.result === 'SUCCESS' && d.version) {
      offer(d.version, d.finishedAt ?? d.startedAt, 'deployRun');
    }
  }
  return out;
}
