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
  /** The code-repo commit it built (picked by the code repo's remote URL). */
  commit?: CommitRef;
}

/** A Docker image in Nexus. @public */
export interface ImageArtifact {
  repository: string;
  name: string;
  tag: string;
  digest?: string;
  pushedAt?: string;
  url?: string;
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
}

/** One version's chain: commit -> build -> image -> chart -> pins -> deploys -> running. @public */
export interface VersionLineage {
  /** As published (chart version, e.g. `v0.0.20` or `0.0.8`). */
  version: string;
  /** Without a leading `v`, used for matching. */
  normalized: string;
  commit?: CommitRef;
  build?: Pick<CodeBuild, 'number' | 'url' | 'result' | 'startedAt'>;
  image?: ImageArtifact;
  chart?: ChartArtifact;
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
  openPromotions: PromotionSummary[];
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
}
