export interface Config {
  /** Configuration of the delivery plugin (read once at start-up). */
  delivery?: {
    cache?: {
      /** Time-to-live of cached upstream reads, in seconds (default 30). */
      ttlSeconds?: number;
    };
    /** The collector of delivery history (DORA, the overview, notifications). */
    history?: {
      /** Whether the collector runs (default true). */
      enabled?: boolean;
      /** How often the collector runs, in minutes (default 5). */
      intervalMinutes?: number;
      /** How far back the first run reads, in days (default 180). */
      backfillDays?: number;
      /** Recorded events older than this are deleted, in days (default 400). */
      retentionDays?: number;
      /** The environment DORA is measured on (default: the last environment). */
      productionEnvironment?: string;
      /** Window after a deploy in which a failure or rollback counts against it, in hours (default 24). */
      changeFailureWindowHours?: number;
      /** A promotion PR open longer than this notifies the owners, in hours (default 24). */
      promotionOpenAlertHours?: number;
    };
    /** Response-size cap for every upstream call, in bytes (default 5 MB). */
    maxResponseBytes?: number;
    /** How the view reads GitHub. */
    github?: {
      /**
       * Read the config repos of a view through GitHub GraphQL: the reads of
       * one short window in one query per GitHub host and credentials
       * (default true). False: REST only, one request per read. A host
       * without a GraphQL endpoint is read through REST either way.
       */
      graphql?: boolean;
    };
    /** Code Jenkins instances (build the code repos). The first is the default. */
    codeJenkins?: Array<{
      name: string;
      baseUrl: string;
      username?: string;
      /** @visibility secret */
      apiToken?: string;
      /** Per-request timeout in ms (default 10000). */
      timeoutMs?: number;
    }>;
    /**
     * Deploy (config) Jenkins instances. Separate credentials on purpose: a
     * code-job annotation can never select one of these.
     */
    deployJenkins?: Array<{
      name: string;
      baseUrl: string;
      username?: string;
      /** @visibility secret */
      apiToken?: string;
      timeoutMs?: number;
    }>;
    /** Nexus instances holding the Docker images. The first is the default. */
    nexus?: Array<{
      name: string;
      baseUrl: string;
      /** Docker repository searched (default docker-hosted). */
      repository?: string;
      username?: string;
      /** @visibility secret */
      password?: string;
      timeoutMs?: number;
    }>;
    /** ChartMuseum instances holding the Helm charts. The first is the default. */
    chartMuseum?: Array<{
      name: string;
      baseUrl: string;
      username?: string;
      /** @visibility secret */
      password?: string;
      timeoutMs?: number;
    }>;
    /**
     * How a code build's version is found: strategies in order, the first
     * that yields a version wins. One of, or a list (or comma-separated string) of:
     * `displayName`, `description`, `parameter:<NAME>`, `gitTag`,
     * `commitMessage[:<regex with one group>]`, `imageLabel`, `file:<path>`.
     * Default: displayName, gitTag, commitMessage, imageLabel.
     * Per entity: the `delivery/version-from` annotation.
     */
    versionFrom?: string | string[];
    /**
     * Other hostnames of a GitHub integration (SSH aliases, mirrors, other DNS
     * names), so git remotes written with them name the same repositories.
     */
    hostAliases?: Array<{
      /** The `host` of an `integrations.github` entry. */
      host: string;
      aliases: string[];
    }>;
    /** Tags that move and are never versions (default latest, stable, edge). */
    movingTags?: string[];
    /**
     * Release pins: who a release belongs to, when two entities claim it
     * (`delivery/release`, or the chart). The pinned entity may promote and
     * re-sync it (and owns the image, chart and code job it names); every
     * other claimant is refused (409). Keyed by release name.
     */
    releases?: {
      [release: string]: {
        /** The entity ref the release belongs to, e.g. `component:default/xposer`. */
        entity: string;
      };
    };
    /** Environments in promotion order. */
    environments?: Array<{
      name: string;
      /** Previous environment (for promotion gates); must come earlier in the list. */
      promotesFrom?: string;
      /** GitHub URL of the config repo; resolved through integrations.github. */
      configRepo: string;
      /** Branch deployed by the config Jenkins (default main). */
      branch?: string;
      /** `requirements.yaml` (default, Helm v1) or `Chart.yaml` (v2 dependencies). */
      requirementsPath?: string;
      /** Values file of a release (default `{release}.yaml`). */
      valuesPath?: string;
      /** `[deployJenkins instance:]job/path` of the deploy job. */
      deployJob: string;
      /** Timeout for GitHub calls on this config repo, in ms (default 10000). */
      timeoutMs?: number;
      /**
       * Optional scheduled re-sync when drift is detected (default disabled).
       * `true` = enabled every 10 minutes; only environments whose status is
       * `drifted` are re-synced (never deploy-failed / deploying).
       */
      selfHeal?:
        | boolean
        | {
            /** Default true when the block is present. */
            enabled?: boolean;
            /** How often to check (default 10 minutes). */
            frequency?: { minutes: number };
            /** At most this many re-syncs per run (default 5). */
            maxPerRun?: number;
          };
      /** The cluster this environment deploys to (optional). */
      cluster?: {
        /** Kubernetes API server URL. */
        url: string;
        /** Bearer token (read-only access to deployments suffices). @visibility secret */
        token: string;
        namespace: string;
        timeoutMs?: number;
      };
      /** Promotion gates; all default to true. */
      gates?: {
        requireChart?: boolean;
        requireImage?: boolean;
        requireSuccessfulBuild?: boolean;
        /** Only with promotesFrom: the version must run in the previous environment. */
        requireRunningInPrevious?: boolean;
      };
    }>;
    /**
     * Webhooks that keep open Delivery tabs live (served by the events backend
     * at `/api/events/http/delivery.github` and `/api/events/http/delivery.jenkins`).
     * A sender without a secret here is not accepted.
     */
    webhooks?: {
      github?: {
        /** The webhook secret GitHub signs with (`X-Hub-Signature-256`), 16+ characters. @visibility secret */
        secret: string;
      };
      jenkins?: {
        /** The token Jenkins sends (the Basic auth password of the Notification plugin's endpoint URL, a Bearer token, `X-Delivery-Token` header or `token` query), 16+ characters. @visibility secret */
        token: string;
      };
    };
  };
}
