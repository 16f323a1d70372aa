import { z } from 'zod';

const isoDate = z
  .string()
  .datetime({ offset: true, message: 'expected an ISO 8601 date-time' });
const name = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a name [A-Za-z0-9._-]');

/** The results a finished Jenkins run can have. */
export const buildResults = [
  'SUCCESS',
  'FAILURE',
  'UNSTABLE',
  'ABORTED',
  'NOT_BUILT',
] as const;

const author = z.object({ name: z.string().min(1), email: z.string().min(1) });

export const commitSchema = z
  .object({
    id: z.string().min(1),
    message: z.string().min(1),
    date: isoDate,
    author: author.optional(),
    /** path -> content, null deletes; omitted: a CHANGELOG.md line is appended. */
    files: z.record(z.string().nullable()).optional(),
  })
  .strict();

export const buildSchema = z
  .object({
    number: z.number().int().positive(),
    /** Id of the built commit in the code repo. */
    commit: z.string().min(1),
    /** null: still running. */
    result: z.enum(buildResults).nullable(),
    /** Released version (the run's displayName); a SUCCESS run with a version publishes it. */
    version: z.string().min(1).optional(),
    timestamp: isoDate,
    durationMs: z.number().int().nonnegative().default(95000),
    /** Publish image + chart (default: result SUCCESS and a version). */
    publish: z.boolean().optional(),
  })
  .strict();

export const branchSchema = z
  .object({
    name: z.string().min(1),
    /** Commit id or branch the branch starts from (default: default branch head). */
    from: z.string().optional(),
    commits: z.array(commitSchema).default([]),
    builds: z.array(buildSchema).default([]),
  })
  .strict();

export const artifactSchema = z
  .object({
    version: z.string().min(1),
    created: isoDate,
    /** Code commit id it was built from (OCI `revision` label; bumpCommit: bump + tag). */
    commit: z.string().min(1).optional(),
    image: z.boolean().default(true),
    chart: z.boolean().default(true),
  })
  .strict();

export const serviceSchema = z
  .object({
    name,
    description: z.string().default(''),
    codeRepo: z
      .object({
        owner: name,
        name,
        defaultBranch: z.string().default('master'),
      })
      .strict(),
    job: z
      .object({
        /** Full job name: multibranch project (`stakater/xposer`) or pipeline job. */
        path: z.string().regex(/^[^/]+(\/[^/]+)*$/, 'expected a/b/c'),
        type: z.enum(['multibranch', 'pipeline']).default('multibranch'),
      })
      .strict(),
    image: z.string().min(1),
    chart: name,
    /** Dependency alias in the config repos (defaults to the chart). */
    release: name.optional(),
    /**
     * The chart deployed more than once per environment, under these aliases (each with its
     * own values file and Deployment). Replaces `release`.
     */
    aliases: z.array(name).min(1).optional(),
    chartApiVersion: z.enum(['v1', 'v2']).default('v1'),
    /** Where the image tag lives in the config repo's values file. */
    valuesStyle: z.enum(['stakater', 'application']).default('stakater'),
    commits: z.array(commitSchema).min(1),
    builds: z.array(buildSchema).default([]),
    branches: z.array(branchSchema).default([]),
    /** Published before the builds Jenkins still remembers. */
    artifacts: z.array(artifactSchema).default([]),
  })
  .strict();

/** The promotion pull request a config commit merged (a merge commit on the config branch). */
export const mergedPullSchema = z
  .object({
    /** Login of the user who merged it (the merge commit's author). */
    mergedBy: z.string().min(1),
    /** Login of the user who opened it. */
    user: z.string().min(1).default('delivery-bot'),
    /** When it was opened (its head commit's date); default 30 minutes before the merge. */
    openedAt: isoDate.optional(),
    /** Head branch; default `delivery/<env>/<release>-<version>` of the commit's only pin. */
    branch: z.string().min(1).optional(),
  })
  .strict();

export const configCommitSchema = z
  .object({
    id: z.string().min(1),
    message: z.string().min(1),
    date: isoDate,
    author: author.optional(),
    /** release -> pinned chart version, merged onto the previous commit's pins. */
    pins: z.record(z.string().min(1)).default({}),
    /** release -> image tag override in the values file (default: the pinned chart's version). */
    valuesTags: z.record(z.string().min(1)).default({}),
    /** Merged through a promotion pull request (a merge commit at `date`) instead of a direct push. */
    pull: mergedPullSchema.optional(),
  })
  .strict();

export const deployRunSchema = z
  .object({
    number: z.number().int().positive(),
    /** Config commit id that was deployed. */
    commit: z.string().min(1),
    result: z.enum(buildResults),
    timestamp: isoDate,
    durationMs: z.number().int().nonnegative().default(42000),
  })
  .strict();

export const environmentSchema = z
  .object({
    name,
    namespace: name,
    configRepo: z
      .object({ owner: name, name, branch: z.string().default('main') })
      .strict(),
    /** `requirements`: Helm v1 requirements.yaml; `chart`: v2 Chart.yaml dependencies. */
    format: z.enum(['requirements', 'chart']).default('requirements'),
    /** Write pins quoted (`version: "1.4.2"`). */
    quotePins: z.boolean().default(false),
    deployJob: z.string().regex(/^[^/]+(\/[^/]+)*$/, 'expected a/b/c'),
    commits: z.array(configCommitSchema).min(1),
    deploys: z.array(deployRunSchema).default([]),
    /** Manual `kubectl set image` after the last deploy. */
    drift: z
      .array(
        z
          .object({
            deployment: name,
            /** Image tag set by hand (the repository part stays). */
            tag: z.string().min(1),
            date: isoDate.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Open promotion pull requests (branch delivery/<env>/<release>-<version>). */
    pulls: z
      .array(
        z
          .object({
            release: name,
            version: z.string().min(1),
            date: isoDate,
            user: z.string().default('delivery-bot'),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const settingsSchema = z
  .object({
    /** How long a triggered deploy run stays `building`. */
    deployDelayMs: z.number().int().nonnegative().default(2000),
    /** How long a pushed code build stays `building`. */
    buildDelayMs: z.number().int().nonnegative().default(2000),
    /** Deploys pinning one of these versions (with or without `v`) fail. */
    failingDeployVersions: z.array(z.string()).default([]),
    nexusRepository: z.string().default('docker-hosted'),
    /**
     * How a released code run shows its version. `displayName`: the run's displayName is the
     * version. `bumpCommit` (Stakater's goBuildAndRelease): runs stay `#N`; the pipeline commits
     * `Bump Version to X` (`.version`) on top of the built commit, tags that commit `X`
     * (annotated) and pushes image and chart `X`.
     */
    releaseStyle: z.enum(['displayName', 'bumpCommit']).default('displayName'),
    /** Remote URL style in BuildData (`remoteUrls`) of code and deploy runs. */
    gitRemote: z
      .object({
        /** https: `<sandbox GitHub>/<owner>/<repo>.git`; ssh: `git@<host>:<owner>/<repo>.git`. */
        style: z.enum(['https', 'ssh']).default('https'),
        /** Hostname for ssh remotes (another name of the sandbox GitHub). */
        host: z.string().min(1).default('git.sandbox.internal'),
      })
      .strict()
      .default({}),
    /** Images carry OCI labels (`org.opencontainers.image.revision/version/source/created`). */
    imageLabels: z.boolean().default(false),
    /** A moving tag (`latest`): Nexus tag and chart version naming the newest release. */
    movingTag: z.string().min(1).optional(),
    /**
     * GitHub orgs the code Jenkins scans like a GitHub Organization folder (new repos with a
     * Jenkinsfile get a multibranch job). Default: the orgs of the services' code repos.
     */
    codeJenkinsOrgs: z.array(name).optional(),
    /**
     * "Discard old builds" (Jenkins' LogRotator) of every job of both Jenkins: keep the newest
     * `count` runs and/or the runs of the last `days` days (the last successful and last stable
     * run always stay). Applied at start, after each run, and by `POST /jenkins/rotate`.
     */
    keepBuilds: z
      .object({
        count: z.number().int().positive().optional(),
        days: z.number().int().positive().optional(),
      })
      .strict()
      .refine(k => k.count !== undefined || k.days !== undefined, {
        message: 'set count, days or both',
      })
      .optional(),
    /** Shared pipeline library every code build checks out. */
    pipelineLibrary: z
      .object({
        url: z
          .string()
          .default('https://github.com/stakater/fabric8-pipeline-library.git'),
        branch: z.string().default('master'),
        sha: z
          .string()
          .regex(/^[0-9a-f]{40}$/)
          .default('5d7f3b0c2ab19e8e0b4fd7c1e6a5a9e3f1c2d4b6'),
      })
      .strict()
      .default({}),
  })
  .strict();

const rate = z.number().min(0).max(1);

/**
 * Months of generated delivery history before the world's oldest event (expanded at load time
 * by `expandHistory`, seeded, so the same section gives the same history).
 */
export const historySchema = z
  .object({
    /** How far back the history goes (30-day months). */
    months: z.number().int().min(1).max(24).default(6),
    /** Seed of the pseudo-random choices. */
    seed: z.number().int().default(1),
    /** Released versions per service per week, on average. */
    releasesPerWeek: z.number().positive().max(14).default(2),
    /** Share of code builds that fail (a fix commit and a new build follow). */
    buildFailureRate: rate.default(0.1),
    /** Share of deploy runs that fail (a re-run succeeds a few hours later). */
    deployFailureRate: rate.default(0.1),
    /** Share of production releases pinned back to the previous version within hours. */
    rollbackRate: rate.default(0.05),
    /** Share of production deploys followed by a drift episode, ended by a re-sync run. */
    driftRate: rate.default(0.05),
    /** Share of releases promoted past the first environment. */
    promotionRate: rate.default(0.7),
    /** Share of promotions pushed directly instead of merged through a pull request. */
    directPushRate: rate.default(0.1),
    /** Logins that merge promotion pull requests. */
    mergers: z
      .array(z.string().min(1))
      .min(1)
      .default(['alice', 'bob', 'carol']),
  })
  .strict();

export const worldSchema = z
  .object({
    name: z.string().default('world'),
    settings: settingsSchema.default({}),
    /** Generated history before the world's own events (see historySchema). */
    history: historySchema.optional(),
    services: z.array(serviceSchema).min(1),
    environments: z.array(environmentSchema).default([]),
  })
  .strict();
