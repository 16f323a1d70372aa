/**
 * The recorded delivery history: what the collector writes (through
 * {@link HistoryStore}) and what the DORA figures and the organisation
 * overview are computed from. Natural keys are given per record; writing a
 * record twice is a no-op (or an update of the same row).
 */
import type {
  BuildResult,
  DoraSummary,
  EnvironmentStatus,
  OverviewEnvironment,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** A merged pull request behind a config commit. */
export interface RecordedPullRequest {
  number: number;
  url?: string;
  mergedBy?: string;
  mergedAt?: string;
}

/** A code-Jenkins build. Key: (entityRef, url ?? number). */
export interface RecordedBuild {
  entityRef: string;
  number: number;
  url?: string;
  version?: string;
  commitSha?: string;
  result: BuildResult | null;
  startedAt: string;
  finishedAt?: string;
}

/** A code commit a released version carries (since the previous version). Key: (entityRef, version, sha). */
export interface RecordedChange {
  entityRef: string;
  version: string;
  sha: string;
  message?: string;
  url?: string;
  committedAt: string;
}

/** A change of this entity's pin in one environment's config repo. Key: (entityRef, environment, configSha). */
export interface RecordedPinChange {
  entityRef: string;
  environment: string;
  release: string;
  configSha: string;
  configUrl?: string;
  fromVersion?: string;
  toVersion: string;
  committedAt: string;
  pullRequest?: RecordedPullRequest;
}

/** A config-Jenkins deploy run, with this entity's pinned version at the deployed commit. Key: (entityRef, environment, number). */
export interface RecordedDeploy {
  entityRef: string;
  environment: string;
  number: number;
  url?: string;
  configSha?: string;
  /** The entity's release pin at `configSha`, when known. */
  version?: string;
  result: BuildResult | null;
  startedAt: string;
  finishedAt?: string;
}

/**
 * A status observation of one environment, written only when the status or
 * the running version changed since the previous one (a transition).
 * Key: (entityRef, environment, observedAt).
 */
export interface RecordedObservation {
  entityRef: string;
  environment: string;
  observedAt: string;
  status: EnvironmentStatus;
  pinnedVersion?: string;
  runningVersion?: string;
}

/** A promotion or re-sync done through Delivery. Key: (entityRef, environment, kind, at). */
export interface RecordedAction {
  entityRef: string;
  environment: string;
  kind: 'promotion' | 'resync';
  at: string;
  actor: string;
  version?: string;
  outcome?: string;
  url?: string;
}

/** Everything recorded for one entity in a time window (each list oldest first). */
export interface EntityHistory {
  entityRef: string;
  builds: RecordedBuild[];
  changes: RecordedChange[];
  pinChanges: RecordedPinChange[];
  deploys: RecordedDeploy[];
  observations: RecordedObservation[];
  actions: RecordedAction[];
  /** The oldest recorded event of this entity. */
  historySince?: string;
  /** When the collector last recorded this entity. */
  collectedAt?: string;
}

/** The last recorded state of one entity, for the organisation overview. Key: entityRef. */
export interface EntitySnapshot {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
  environments: OverviewEnvironment[];
  dora?: DoraSummary;
  snapshotAt: string;
}

/** Reads of the recorded history (used by DORA, the overview and notifications). */
export interface HistoryReader {
  /** Records of one entity since `since` (all environments unless one is named). */
  entityHistory(
    entityRef: string,
    options: { since: Date; environment?: string },
  ): Promise<EntityHistory>;
  /** Every entity's last snapshot. */
  listSnapshots(): Promise<EntitySnapshot[]>;
}
