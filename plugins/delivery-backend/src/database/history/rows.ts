import type {
  EntitySnapshot,
  RecordedAction,
  RecordedBuild,
  RecordedChange,
  RecordedDeploy,
  RecordedObservation,
  RecordedPinChange,
} from '../../services/history/types';

/** Table names of the history (migration 20261210000000_history). */
export const T = {
  builds: 'delivery_history_builds',
  changes: 'delivery_history_changes',
  pinChanges: 'delivery_history_pin_changes',
  deploys: 'delivery_history_deploys',
  observations: 'delivery_history_observations',
  actions: 'delivery_history_actions',
  cursors: 'delivery_history_cursors',
  snapshots: 'delivery_history_snapshots',
  notifications: 'delivery_history_notifications',
} as const;

type Row = Record<string, string | number | null>;

/** A time as stored: fixed-width ISO-8601 UTC; throws on a time that does not parse. */
export function iso(value: string | Date): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new TypeError(`Not a time: ${JSON.stringify(value)}`);
  }
  return d.toISOString();
}

const isoOrNull = (v?: string) => (v ? iso(v) : null);
const orNull = <V>(v: V | undefined) => (v === undefined ? null : v);
const str = (v: unknown) =>
  v === null || v === undefined ? undefined : String(v);

/** Drops keys whose value is undefined (records keep optional keys absent). */
function compact<O extends object>(o: O): O {
  for (const k of Object.keys(o) as (keyof O)[]) {
    if (o[k] === undefined) delete o[k];
  }
  return o;
}

export const buildRow = (b: RecordedBuild): Row => ({
  entity_ref: b.entityRef,
  build_key: b.url ?? String(b.number),
  number: b.number,
  url: orNull(b.url),
  version: orNull(b.version),
  commit_sha: orNull(b.commitSha),
  result: b.result,
  started_at: iso(b.startedAt),
  finished_at: isoOrNull(b.finishedAt),
});

export const toBuild = (r: Row): RecordedBuild =>
  compact({
    entityRef: String(r.entity_ref),
    number: Number(r.number),
    url: str(r.url),
    version: str(r.version),
    commitSha: str(r.commit_sha),
    result: (r.result ?? null) as RecordedBuild['result'],
    startedAt: String(r.started_at),
    finishedAt: str(r.finished_at),
  });

export const changeRow = (c: RecordedChange): Row => ({
  entity_ref: c.entityRef,
  version: c.version,
  sha: c.sha,
  message: orNull(c.message?.slice(0, 4000)),
  url: orNull(c.url),
  committed_at: iso(c.committedAt),
});

export const toChange = (r: Row): RecordedChange =>
  compact({
    entityRef: String(r.entity_ref),
    version: String(r.version),
    sha: String(r.sha),
    message: str(r.message),
    url: str(r.url),
    committedAt: String(r.committed_at),
  });

export const pinChangeRow = (p: RecordedPinChange): Row => ({
  entity_ref: p.entityRef,
  environment: p.environment,
  config_sha: p.configSha,
  release: p.release,
  config_url: orNull(p.configUrl),
  from_version: orNull(p.fromVersion),
  to_version: p.toVersion,
  committed_at: iso(p.committedAt),
  pr_number: orNull(p.pullRequest?.number),
  pr_url: orNull(p.pullRequest?.url),
  pr_merged_by: orNull(p.pullRequest?.mergedBy),
  pr_merged_at: isoOrNull(p.pullRequest?.mergedAt),
});

export const toPinChange = (r: Row): RecordedPinChange =>
  compact({
    entityRef: String(r.entity_ref),
    environment: String(r.environment),
    release: String(r.release),
    configSha: String(r.config_sha),
    configUrl: str(r.config_url),
    fromVersion: str(r.from_version),
    toVersion: String(r.to_version),
    committedAt: String(r.committed_at),
    pullRequest:
      r.pr_number === null || r.pr_number === undefined
        ? undefined
        : compact({
            number: Number(r.pr_number),
            url: str(r.pr_url),
            mergedBy: str(r.pr_merged_by),
            mergedAt: str(r.pr_merged_at),
          }),
  });

export const deployRow = (d: RecordedDeploy): Row => ({
  entity_ref: d.entityRef,
  environment: d.environment,
  number: d.number,
  url: orNull(d.url),
  config_sha: orNull(d.configSha),
  version: orNull(d.version),
  result: d.result,
  started_at: iso(d.startedAt),
  finished_at: isoOrNull(d.finishedAt),
});

export const toDeploy = (r: Row): RecordedDeploy =>
  compact({
    entityRef: String(r.entity_ref),
    environment: String(r.environment),
    number: Number(r.number),
    url: str(r.url),
    configSha: str(r.config_sha),
    version: str(r.version),
    result: (r.result ?? null) as RecordedDeploy['result'],
    startedAt: String(r.started_at),
    finishedAt: str(r.finished_at),
  });

export const observationRow = (o: RecordedObservation): Row => ({
  entity_ref: o.entityRef,
  environment: o.environment,
  observed_at: iso(o.observedAt),
  status: o.status,
  pinned_version: orNull(o.pinnedVersion),
  running_version: orNull(o.runningVersion),
});

export const toObservation = (r: Row): RecordedObservation =>
  compact({
    entityRef: String(r.entity_ref),
    environment: String(r.environment),
    observedAt: String(r.observed_at),
    status: String(r.status) as RecordedObservation['status'],
    pinnedVersion: str(r.pinned_version),
    runningVersion: str(r.running_version),
  });

export const actionRow = (a: RecordedAction): Row => ({
  entity_ref: a.entityRef,
  environment: a.environment,
  kind: a.kind,
  at: iso(a.at),
  actor: a.actor,
  version: orNull(a.version),
  outcome: orNull(a.outcome),
  url: orNull(a.url),
});

export const toAction = (r: Row): RecordedAction =>
  compact({
    entityRef: String(r.entity_ref),
    environment: String(r.environment),
    kind: String(r.kind) as RecordedAction['kind'],
    at: String(r.at),
    actor: String(r.actor),
    version: str(r.version),
    outcome: str(r.outcome),
    url: str(r.url),
  });

export const snapshotRow = (s: EntitySnapshot): Row => ({
  entity_ref: s.entityRef,
  title: s.title.slice(0, 255),
  owner: orNull(s.owner),
  system: orNull(s.system),
  environments: JSON.stringify(s.environments),
  dora: s.dora ? JSON.stringify(s.dora) : null,
  snapshot_at: iso(s.snapshotAt),
});

export const toSnapshot = (r: Row): EntitySnapshot =>
  compact({
    entityRef: String(r.entity_ref),
    title: String(r.title),
    owner: str(r.owner),
    system: str(r.system),
    environments: JSON.parse(String(r.environments)),
    dora: r.dora ? JSON.parse(String(r.dora)) : undefined,
    snapshotAt: String(r.snapshot_at),
  });
