/**
 * Delivery history: the DORA figures of one entity (`GET
 * /api/delivery/entities/:namespace/:kind/:name/performance`) and the
 * organisation overview (`GET /api/delivery/overview`). Both are served from
 * what the collector recorded in the plugin's database, never from a live
 * fan-out to the upstreams.
 */
import type { BuildResult, EnvironmentStatus } from './view';

/** A DORA performance band, as in the DORA report. @public */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/** One point of a trend chart: the bucket's start (ISO date) and its value (`null`: nothing to measure). @public */
export interface DoraTrendPoint {
  /** Start of the bucket (a UTC day for frequency, a UTC week otherwise), `YYYY-MM-DD`. */
  date: string;
  value: number | null;
}

/** A production deploy counted by the deployment frequency or the change failure rate. @public */
export interface DoraDeploy {
  environment: string;
  /** The deploy run (config Jenkins). */
  run: { number: number; url?: string; result: BuildResult | null };
  startedAt: string;
  finishedAt?: string;
  /** The version this deploy brought (the release's pin at the deployed config commit). */
  version: string;
  /** The version that ran before, when known. */
  previousVersion?: string;
  /** The config commit it deployed, with its pull request when one was merged. */
  configCommit: {
    sha: string;
    url?: string;
    pullRequest?: { number: number; url?: string; mergedBy?: string };
  };
  /** Set when the change failure rate counts this deploy as failed. */
  failure?: {
    kind: 'deploy-failed' | 'rolled-back' | 'status-after-deploy';
    detail: string;
  };
}

/** One code commit a released version carried into production, for the lead time. @public */
export interface DoraChange {
  sha: string;
  shortSha: string;
  message?: string;
  url?: string;
  committedAt: string;
  version: string;
  /** First seen running in production: a cluster observation or the end of the deploy that rolled it out. */
  runningAt: string;
  /** How `runningAt` was established: `cluster` or `deployRun`. */
  runningVia: 'cluster' | 'deployRun';
  leadTimeHours: number;
}

/** One failure episode, for the time to restore. @public */
export interface DoraIncident {
  environment: string;
  status: 'deploy-failed' | 'drifted';
  startedAt: string;
  /** The next in-sync observation or successful deploy; absent while still open. */
  restoredAt?: string;
  restoreHours?: number;
  /** What started it (a failed run, a drift observation) and what ended it. */
  detail: string;
}

/** The four keys of one entity in one (production) environment over a period. @public */
export interface DeliveryPerformance {
  entityRef: string;
  environment: string;
  period: { days: number; from: string; to: string };
  /** The oldest event recorded for this entity (figures before it are unknown, not zero). */
  historySince?: string;
  /** When the collector last ran for this entity. */
  collectedAt?: string;
  deploymentFrequency: {
    count: number;
    perDay: number;
    perWeek: number;
    band?: DoraBand;
    /** Deploys per UTC day. */
    trend: DoraTrendPoint[];
    deploys: DoraDeploy[];
  };
  leadTime: {
    medianHours: number | null;
    p90Hours: number | null;
    band?: DoraBand;
    /** Median per UTC week. */
    trend: DoraTrendPoint[];
    changes: DoraChange[];
  };
  changeFailureRate: {
    /** failed / total, 0..1; `null` when there was no deploy of a new version. */
    rate: number | null;
    failed: number;
    total: number;
    band?: DoraBand;
    /** Rate per UTC week. */
    trend: DoraTrendPoint[];
    deploys: DoraDeploy[];
  };
  timeToRestore: {
    medianHours: number | null;
    band?: DoraBand;
    /** Median per UTC week (by restore date). */
    trend: DoraTrendPoint[];
    incidents: DoraIncident[];
  };
}

/** A DORA summary, for the overview's rows. @public */
export interface DoraSummary {
  /** The period the summary covers, in days before the snapshot. */
  days: number;
  deploysPerWeek: number;
  leadTimeMedianHours: number | null;
  changeFailureRate: number | null;
  timeToRestoreMedianHours: number | null;
  band?: DoraBand;
}

/** One environment of an overview row, from the last recorded snapshot. @public */
export interface OverviewEnvironment {
  name: string;
  status: EnvironmentStatus;
  pinnedVersion?: string;
  runningVersion?: string;
  /** When the current pin was committed. */
  pinnedAt?: string;
  openPromotions: number;
}

/** One entity with delivery annotations. @public */
export interface OverviewRow {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
  environments: OverviewEnvironment[];
  dora?: DoraSummary;
  /** When this row's snapshot was recorded. */
  snapshotAt: string;
}

/** Filters of `GET /api/delivery/overview` (all optional; `status` may repeat). @public */
export interface OverviewQuery {
  owner?: string;
  system?: string;
  status?: EnvironmentStatus[];
  /** Only rows with an environment that is not `in-sync`. */
  notInSync?: boolean;
  /** Substring of the entity ref or title. */
  search?: string;
  offset?: number;
  limit?: number;
}

/** The organisation overview. @public */
export interface DeliveryOverview {
  environments: string[];
  rows: OverviewRow[];
  /** Rows matching the filters (before offset/limit). */
  total: number;
  /** Distinct owners and systems, for the filter menus. */
  owners: string[];
  systems: string[];
  /** Count of rows per environment status, over all rows (before filters). */
  statusCounts: Partial<Record<EnvironmentStatus, number>>;
  /** Oldest snapshot time among the rows. */
  snapshotsFrom?: string;
}
