import { sameVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EntityHistory, RecordedDeploy } from '../types';
import { toMs } from './time';

/** A production deploy run that ended (SUCCESS or FAILURE) with a known version. */
export interface SettledDeploy {
  deploy: RecordedDeploy;
  /** When it ended: `finishedAt`, else `startedAt` (epoch ms). */
  atMs: number;
  /** The version the last successful production deploy before it brought, when known. */
  previousVersion?: string;
  /** It deployed a version other than `previousVersion` (or the first version known). */
  newVersion: boolean;
}

/** When a deploy run ended (or started, while its end is unknown), epoch ms. */
export function deployTime(deploy: RecordedDeploy): number {
  return toMs(deploy.finishedAt ?? deploy.startedAt);
}

/** The environment's deploy runs, oldest first (by start, then run number). */
export function environmentDeploys(
  history: EntityHistory,
  environment: string,
): RecordedDeploy[] {
  return history.deploys
    .filter(d => d.environment === environment)
    .sort(
      (a, b) => toMs(a.startedAt) - toMs(b.startedAt) || a.number - b.number,
    );
}

/**
 * The production deploy runs that ended in SUCCESS or FAILURE with a known
 * version, oldest first, each compared with the version of the last
 * SUCCESS run before it. A run without a version (a missing link), still
 * running, UNSTABLE, ABORTED or NOT_BUILT is neither a success nor a
 * failure: it is left out and does not change the previous version. The
 * first successful run has no previous run: its previous version is the
 * `fromVersion` of the pin change it deployed, when one was recorded.
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
      newVersion: !sameVersion(version, previousVersion),
    });
    if (result === 'SUCCESS') lastSuccess = version;
  }
  return out;
}

/** The pin change of this entity at the deploy's config commit, when recorded. */
export function pinChangeOf(history: EntityHistory, deploy: RecordedDeploy) {
  if (!deploy.configSha) return undefined;
  return history.pinChanges.find(
    p =>
      p.environment === deploy.environment && p.configSha === deploy.configSha,
  );
}
