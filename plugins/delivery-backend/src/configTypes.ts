import type { VersionStrategy } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { HostAliases } from './upstreams/git/remote';

/** One version discovery strategy (see delivery-common). @public */
export type VersionFrom = VersionStrategy;

/** A GitHub integration code repos can be read from (tags, commits, files). @public */
export interface GitHubHostConfig {
  /** As in `integrations.github[].host`, e.g. `ghe.example.com`. */
  readonly host: string;
  readonly apiBaseUrl: string;
  /** Web UI base, e.g. `https://ghe.example.com`. */
  readonly htmlBaseUrl: string;
  /** Integration token, else one from its GitHub App for that repo, else undefined. */
  getToken(repoUrl: string): Promise<string | undefined>;
  readonly hasStaticToken: boolean;
  readonly timeoutMs: number;
}

/** A named Jenkins instance (code or deploy). @public */
export interface JenkinsInstanceConfig {
  readonly name: string;
  readonly baseUrl: string;
  readonly username?: string;
  readonly apiToken?: string;
  readonly timeoutMs: number;
}

/** A named Nexus instance. @public */
export interface NexusInstanceConfig {
  readonly name: string;
  readonly baseUrl: string;
  /** The docker repository searched. */
  readonly repository: string;
  readonly username?: string;
  readonly password?: string;
  readonly timeoutMs: number;
}

/** A named ChartMuseum instance. @public */
export interface ChartMuseumInstanceConfig {
  readonly name: string;
  readonly baseUrl: string;
  readonly username?: string;
  readonly password?: string;
  readonly timeoutMs: number;
}

/** Promotion gates of an environment (all default true). @public */
export interface EnvironmentGates {
  readonly requireChart: boolean;
  readonly requireImage: boolean;
  readonly requireSuccessfulBuild: boolean;
  /** Only meaningful with `promotesFrom`. */
  readonly requireRunningInPrevious: boolean;
}

/** The Kubernetes cluster an environment deploys to. @public */
export interface ClusterConfig {
  readonly url: string;
  readonly token: string;
  readonly namespace: string;
  readonly timeoutMs: number;
}

/** `[instance:]job` on a deploy Jenkins, resolved. @public */
export interface DeployJobRef {
  /** Name of a `delivery.deployJenkins` instance. */
  readonly instance: string;
  /** Full job name as Jenkins shows it, e.g. `deploy/config-dev`. */
  readonly job: string;
}

/** `environments[].selfHeal`. @public */
export interface SelfHealConfig {
  readonly enabled: boolean;
  /** How often the drift check runs (default 10 minutes). */
  readonly frequencyMinutes: number;
  /** At most this many re-syncs per run (default 5). */
  readonly maxPerRun: number;
}

/** One environment, in promotion order. @public */
export interface EnvironmentConfig {
  readonly name: string;
  /** Index in `delivery.environments` (promotion order). */
  readonly index: number;
  /** As configured, e.g. `https://github.com/gitops/config-dev`. */
  readonly configRepoUrl: string;
  readonly owner: string;
  readonly repo: string;
  readonly branch: string;
  /** `requirements.yaml` (Helm v1) or `Chart.yaml` (v2 `dependencies`). */
  readonly requirementsPath: string;
  /** The raw template, e.g. `{release}.yaml`. */
  readonly valuesPathTemplate: string;
  /** The values file of a release. */
  valuesPath(release: string): string;
  readonly deployJob: DeployJobRef;
  readonly promotesFrom?: string;
  readonly cluster?: ClusterConfig;
  readonly gates: EnvironmentGates;
  /** Scheduled re-sync of drifted deployments (disabled by default). */
  readonly selfHeal: SelfHealConfig;
  /** GitHub REST base (GitHub Enterprise: `https://ghe/api/v3`). */
  readonly apiBaseUrl: string;
  /** Web UI base of the git host, e.g. `https://github.com`. */
  readonly htmlBaseUrl: string;
  /** Web UI URL of the config repo, e.g. `https://github.com/gitops/config-dev`. */
  readonly repoHtmlUrl: string;
  /** Token from `integrations.github` (undefined: anonymous or GitHub App). */
  readonly token?: string;
  /**
   * The token to use now: the integration's token, else one from its GitHub
   * App (`DefaultGithubCredentialsProvider`), else undefined (anonymous).
   */
  getToken(): Promise<string | undefined>;
  /** Timeout for GitHub calls on this repo. */
  readonly timeoutMs: number;
}

/** `delivery.history`: the collector of delivery history and what is derived from it. @public */
export interface HistoryConfig {
  /** Whether the collector runs (default true). */
  readonly enabled: boolean;
  /** How often the collector runs, in minutes (default 5). */
  readonly intervalMinutes: number;
  /** How far back the first run reads (default 180 days). */
  readonly backfillDays: number;
  /** Recorded events older than this are deleted (default 400 days). */
  readonly retentionDays: number;
  /** The environment DORA is measured on (default: the last of `delivery.environments`). */
  readonly productionEnvironment?: string;
  /** A deploy followed within this window by a failed/drifted status or a rollback counts as a failed change (default 24 h). */
  readonly changeFailureWindowHours: number;
  /** A promotion PR open longer than this notifies the owners (default 24 h). */
  readonly promotionOpenAlertHours: number;
}

/** The whole `delivery` config, read once at start-up. @public */
export interface DeliveryConfig {
  readonly cacheTtlSeconds: number;
  /** The first is the default instance. */
  readonly codeJenkins: readonly JenkinsInstanceConfig[];
  readonly deployJenkins: readonly JenkinsInstanceConfig[];
  readonly nexus: readonly NexusInstanceConfig[];
  readonly chartMuseum: readonly ChartMuseumInstanceConfig[];
  /** Version strategies, in order; the first that yields a version wins. */
  readonly versionFrom: readonly VersionFrom[];
  /** Other hostnames of the GitHub integrations (alias -> integration host). */
  readonly hostAliases: HostAliases;
  /** Tags that move (`latest`, ...): never versions. */
  readonly movingTags: readonly string[];
  /** Every `integrations.github` host. */
  readonly githubHosts: readonly GitHubHostConfig[];
  readonly environments: readonly EnvironmentConfig[];
  /** Response-size cap for every upstream call. */
  readonly maxResponseBytes: number;
  /**
   * `delivery.github.graphql`: the view reads config repos through GitHub
   * GraphQL (one query per host and credentials per batch); false: REST only.
   * Absent: true.
   */
  readonly githubGraphql?: boolean;
  /** The history collector and what is derived from it (DORA, overview, notifications). */
  readonly history: HistoryConfig;
}
