import { sameVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  EntityHistory,
  RecordedDeploy,
  RecordedPinChange,
} from '../types';
import { toMs } from './time';

/** A production deploy run that ended (SUCCESS or FAILURE) with a known version. */
export interface SettledDeploy {
  deploy: RecordedDeploy;
  /** When it ended: `finishedAt`, else `startedAt` (epoch ms). */
  atMs: number;
  /** The version the last successful production deploy before it brought, when known. */
  previousVersion?: string;
  /**
   * It deployed a version other than `previousVersion`. False when the
   * previous version is unknown (no earlier successful run recorded, no pin
   * change with a `fromVersion`): a missing link never counts as a change.
   */
  newVersion: boolean;
}

/** When a deploy run ended (or started, while its end is unknown), epoch ms. */
export function deployTime(deploy: RecordedDeploy): number {
  return toMs(deploy.finishedAt ?? deploy.startedAt);
}

const byEnvironment = new WeakMap<
  EntityHistory,
  Map<string, readonly RecordedDeploy[]>
>();

/**
 * The environment's deploy runs, oldest first (by start, then run number);
 * sorted once per history and environment (the history is read-only).
 */
export function environmentDeploys(
  history: EntityHistory,
  environment: string,
): readonly RecordedDeploy[] {
  let perEnvironment = byEnvironment.get(history);
  if (!perEnvironment) {
    perEnvironment = new Map();
    byEnvironment.set(history, perEnvironment);
  }
  let runs = perEnvironment.get(environment);
  if (!runs) {
    runs = history.deploys
      .filter(d => d.environment === environment)
      .map(d => ({ d, at: toMs(d.startedAt) }))
      .sort((a, b) => a.at - b.at || a.d.number - b.d.number)
      .map(x => x.d);
    perEnvironment.set(environment, runs);
  }
  return runs;
}

/**
 * The production deploy runs that ended in SUCCESS or FAILURE with a known
 * version, oldest first, each compared with the version of the last
 * SUCCESS run before it. A run without a version (a missing link), still
 * running, UNSTABLE, ABORTED or NOT_BUILT is neither a success nor a
 * failure: it is left out and does not change the previous version. The
 * first successful run has no previous run: its previous version is the
 * `fromVersion` of the pin change it deployed, when one was recorded, else
 * unknown (then it is not counted as bringing a new version).
 */
export function settledDeploys(
  history: EntityHistory,
  environment: string,
): SettledDeploy[] {
  const out: SettledDeploy[] = [];
  let lastSuccess: string | undefined;
  for (const deploy of environmentDeploys(history, environment)) {
    const { version, result } = deploy;
    if (!version || (result !== 'SUCCESS' && result !== 'FAILURE')) continue;
    const previousVersion =
      lastSuccess ?? pinChangeOf(history, deploy)?.fromVersion;
    out.push({
      deploy,
      atMs: deployTime(deploy),
      previousVersion,
      newVersion:
        previousVersion !== undefined && !sameVersion(version, previousVersion),
    });
    if (result === 'SUCCESS') lastSuccess = version;
  }
  return out;
}

const pinIndexes = new WeakMap<EntityHistory, Map<string, RecordedPinChange>>();

/** The pin change of this entity at the deploy's config commit, when recorded. */
export function pinChangeOf(
  history: EntityHistory,
  deploy: RecordedDeploy,
): RecordedPinChange | undefined {
  if (!deploy.configSha) return undefined;
  let index = pinIndexes.get(history);
  if (!index) {
    index = new Map();
    for (const p of history.pinChanges) {
      const key = `${p.environment}\u0000${p.configSha}`;
      if (!index.has(key)) index.set(key, p);
    }
    pinIndexes.set(history, index);
  }
  return index.get(`${deploy.environment}\u0000${deploy.configSha}`);
}
