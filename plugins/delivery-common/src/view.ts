/**
 * The delivery view: what `GET /api/delivery/entities/:namespace/:kind/:name`
 * returns. One lineage per version, one row per environment, and the health
 * of every upstream source that fed it.
 */

/** How a source failed. @public */
export type SourceErrorKind =
  | 'not-configured'
  | 'not-found'
  | 'unauthorized'
  | 'timeout'
  | 'unavailable'
  | 'bad-response';

/**
 * The state of one upstream source. Keys of {@link DeliveryView.sources}:
 * `codeJenkins`, `nexus`, `chartMuseum`, `configRepo:<env>`,
 * `deployJenkins:<env>`, `cluster:<env>`, `promotions:<env>`.
 * @public
 */
export type SourceState =
  | {
      status: 'ok';
      /** True when a page cap, size cap or a repeated cursor cut the data short. */
      incomplete?: boolean;
      note?: string;
    }
  | {
      status: 'error';
      error: { kind: SourceErrorKind; message: string };
    };

/**
 * How one link of the lineage was made: the rule or strategy (`via`) and what
 * was seen (`detail`), e.g. `{ via: 'gitTag', detail: 'tag v1.0.3 points at 1be9c18' }`.
 *
 * `via` is one of: the version strategies `displayName`, `description`,
 * `parameter:<NAME>`, `gitTag`, `commitMessage`, `imageLabel`, `file:<path>`;
 * or the join rules `buildData` (a Jenkins BuildData revision of the repo),
 * `changeSet` (a Jenkins changeSet entry), `github` (read from the git host),
 * `sameVersion` (image tag / chart version / pin equal, ignoring a leading `v`),
 * `configCommit` (the pin read at the deploy run's config commit).
 * @public
 */
export interface LinkEvidence {
  via: string;
  detail: string;
}

/** A Jenkins build result (`null` while building). @public */
export type BuildResult =
  | 'SUCCESS'
  | 'FAILURE'
  | 'UNSTABLE'
  | 'ABORTED'
  | 'NOT_BUILT';

/** A git commit. @public */
export interface CommitRef {
  sha: string;
  shortSha: string;
  message?: string;
  author?: string;
  /** Link to the commit in the git host's web UI. */
  url?: string;
  timestamp?: string;
}

/** A code-Jenkins build. @public */
export interface CodeBuild {
  number: number;
  url: string;
  result: BuildResult | null;
  building: boolean;
  startedAt: string;
  durationMs: number;
  /** The version this build released (image tag = chart version), if any. */
  version?: string;
  /** How the version was found (the first `versionFrom` strategy that yielded one). */
  versionVia?: LinkEvidence;
  /** The code-repo commit it built (picked by the code repo's remote URL). */
  commit?: CommitRef;
  /** How the commit was found. */
  commitVia?: LinkEvidence;
}

/**
 * One page of a code job's builds, newest first (`GET .../builds`): the
 * view shows the newest page; older pages reach every run Jenkins keeps.
 * @public
 */
export interface CodeBuildsPage {
  /** How many of the newest builds were skipped. */
  offset: number;
  /** The page size asked for. */
  limit: number;
  /** The builds, joined to commits and versions as in the view. */
  builds: CodeBuild[];
  /** The page was full: Jenkins may keep older builds. */
  hasMore: boolean;
}

/** A Docker image in Nexus. @public */
export interface ImageArtifact {
  repository: string;
  name: string;
  tag: string;
  digest?: string;
  pushedAt?: string;
  url?: string;
  /** OCI labels read from the image config (only when the `imageLabel` strategy ran). */
  revision?: string;
  labelVersion?: string;
}

/** A Helm chart version in ChartMuseum. @public */
export interface ChartArtifact {
  name: string;
  version: string;
  appVersion?: string;
  createdAt?: string;
  digest?: string;
  url?: string;
}

/** A config-Jenkins deploy run. @public */
export interface DeployRun {
  environment: string;
  number: number;
  url: string;
  result: BuildResult | null;
  building: boolean;
  startedAt: string;
  durationMs: number;
  /** The config-repo commit this run deployed. */
  configCommit?: CommitRef;
  /** How the config commit was found (`buildData`), or why it is missing. */
  configCommitVia?: LinkEvidence;
  /** The version of this entity's release pinned at that commit, when known. */
  version?: string;
}

/** Where one version stands in one environment. @public */
export interface VersionEnvironmentState {
  environment: string;
  pinned: boolean;
  running: boolean;
  /** The deploy run that rolled this version out, if any. */
  deployedBy?: Pick<DeployRun, 'number' | 'url' | 'result'>;
  /** How `deployedBy` was found (`configCommit`). */
  deployedByVia?: LinkEvidence;
}

/** The links of one version's chain and how each was made. @public */
export interface VersionLinks {
  build?: LinkEvidence;
  commit?: LinkEvidence;
  image?: LinkEvidence;
  chart?: LinkEvidence;
}

/** One version's chain: commit → build → image → chart → pins → deploys → running. @public */
export interface VersionLineage {
  /** As published (chart version, e.g. `v0.0.20` or `0.0.8`). */
  version: string;
  /** Without a leading `v`, used for matching. */
  normalized: string;
  commit?: CommitRef;
  build?: Pick<CodeBuild, 'number' | 'url' | 'result' | 'startedAt'>;
  image?: ImageArtifact;
  chart?: ChartArtifact;
  /** How each link was made; a missing key means the link is missing. */
  links: VersionLinks;
  environments: VersionEnvironmentState[];
}

/** Status of one environment for this entity. @public */
export type EnvironmentStatus =
  | 'in-sync'
  | 'deploying'
  | 'deploy-failed'
  | 'pending-deploy'
  | 'drifted'
  | 'unknown';

/** What runs in the cluster. @public */
export interface LiveState {
  namespace: string;
  deployment: string;
  image?: string;
  /** The image tag: what really runs (`kubectl set image` changes only this). */
  runningVersion?: string;
  /** The Helm `version` label: what was deployed. */
  labeledVersion?: string;
  replicas?: number;
  readyReplicas?: number;
}

/** An open (or recent) promotion pull request. @public */
export interface PromotionSummary {
  number: number;
  url: string;
  title: string;
  branch: string;
  state: 'open' | 'closed' | 'merged';
  version?: string;
  author?: string;
  createdAt?: string;
}

/** One environment row of the matrix. @public */
export interface EnvironmentView {
  name: string;
  promotesFrom?: string;
  configRepoUrl: string;
  branch: string;
  pinnedVersion?: string;
  /** Link to the pin (requirements file line) in the config repo. */
  pinFileUrl?: string;
  valuesFileUrl?: string;
  lastDeploy?: DeployRun;
  live?: LiveState;
  runningVersion?: string;
  status: EnvironmentStatus;
  /** One sentence that explains the status. */
  statusReason: string;
  /** The facts the status was decided from, in the order they were used. */
  statusFacts: StatusFact[];
  /**
   * A link the status needed but could not make (the status was then decided
   * from other evidence, or is `unknown`), and what would supply it.
   */
  missingLink?: MissingLink;
  openPromotions: PromotionSummary[];
  /**
   * What the caller may do here and why not (added per request for user
   * callers; absent for services). The buttons show `reason`.
   */
  access?: EnvironmentAccess;
}

/** Whether the caller may run one action, and why not. @public */
export interface ActionAccess {
  allowed: boolean;
  /** Why not: a permission denied (per environment), or a contested claim. */
  reason?: string;
}

/** The caller's access to the actions of one environment. @public */
export interface EnvironmentAccess {
  /** Promote and roll back (and their preview): `delivery.promote`. */
  promote: ActionAccess;
  /** Re-sync: `delivery.resync`. */
  resync: ActionAccess;
}

/** What a delivery annotation claims: a release, an image, a chart or a code job. @public */
export type ClaimKind = 'release' | 'image' | 'chart' | 'code-job';

/**
 * A claim of this entity that another entity shares (or that belongs to
 * another entity). Each release, image, chart and code job belongs to one
 * entity: the one pinned in app-config (`delivery.releases.<release>.entity`),
 * else the first entity the plugin saw claiming it.
 * @public
 */
export interface ClaimConflict {
  kind: ClaimKind;
  /** As normalised by the plugin, e.g. `xposer`, `default:stakater/xposer`. */
  name: string;
  /** The entity it belongs to, when decided. */
  holder?: string;
  /** How the holder was decided. */
  decidedBy?: 'pin' | 'first-seen' | 'scaffolder';
  /** The other entities in the catalog that claim it. */
  others: string[];
  /** True when this entity may not act on it (409) and its data is withheld. */
  refused: boolean;
  /** One sentence for the UI, naming the other entities and how to resolve it. */
  message: string;
}

/** The claims of the entity that are contested. @public */
export interface DeliveryClaims {
  /** True when a claim is refused: promote, roll back, re-sync and preview answer 409. */
  contested: boolean;
  conflicts: ClaimConflict[];
}

/** One fact a status decision used. @public */
export interface StatusFact {
  /** Where it comes from: `configRepo`, `deployJenkins`, `cluster`, `github`. */
  source: string;
  /** What was seen, e.g. `pin v0.0.21 at 1be9c18 (committed 2026-11-29T10:00:00Z)`. */
  fact: string;
}

/** A link the status needed but could not make, and how to supply it. @public */
export interface MissingLink {
  /** e.g. `deploy run -> config commit`. */
  link: string;
  /** Why it is missing. */
  reason: string;
  /** The annotation or app-config key that would supply it. */
  key: string;
  /** An example value for that key. */
  example: string;
}

/** The whole delivery view of one entity. @public */
export interface DeliveryView {
  entityRef: string;
  release: string;
  generatedAt: string;
  /** Newest first (semver order; non-semver versions by time). */
  versions: VersionLineage[];
  /** In promotion order. */
  environments: EnvironmentView[];
  /** Newest first. */
  builds: CodeBuild[];
  /** Newest first, all environments. */
  deploys: DeployRun[];
  sources: Record<string, SourceState>;
  /**
   * Contested claims of this entity (another entity claims the same release,
   * image, chart or code job). Absent or empty: nothing contested.
   */
  claims?: DeliveryClaims;
}
