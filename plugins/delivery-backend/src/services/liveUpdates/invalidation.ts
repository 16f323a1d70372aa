import type {
  DeliveryConfig,
  EnvironmentConfig,
  JenkinsInstanceConfig,
} from '../../configTypes';
import type { LiveChange } from './liveChange';
import { viewCacheKeys } from './viewCacheKeys';

/** A Jenkins job of a configured instance. */
export interface JobRef {
  instance: string;
  job: string;
}

/** What one change makes stale: cache keys, and whose views they feed. */
export interface Invalidation {
  keys: string[];
  /** Environments whose pins, promotions or deploys changed. */
  environments: string[];
  /** Code jobs with a new or finished run. */
  codeJobs: JobRef[];
  /**
   * Code jobs whose run finished: it may have pushed an image and a chart, so
   * the image tags and chart versions of the entities they build are stale too
   * (which image and chart is on the entities: see `affectedEntities`).
   */
  finishedCodeJobs: JobRef[];
}

const normalizeUrl = (url: string) =>
  url
    .trim()
    .toLowerCase()
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');

function envsOfRepo(config: DeliveryConfig, repoHtmlUrl: string) {
  const url = normalizeUrl(repoHtmlUrl);
  return config.environments.filter(e => normalizeUrl(e.repoHtmlUrl) === url);
}

/**
 * The job of a run URL (`<baseUrl>/job/a/job/b/12/`) on one of `instances`,
 * or undefined when the URL is not one of theirs.
 */
export function jobOfRunUrl(
  instances: readonly JenkinsInstanceConfig[],
  runUrl: string,
  number: number,
): JobRef[] {
  const found: JobRef[] = [];
  for (const instance of instances) {
    const base = `${instance.baseUrl.replace(/\/+$/, '')}/`;
    if (!runUrl.startsWith(base)) continue;
    const parts = runUrl.slice(base.length).replace(/\/+$/, '').split('/');
    if (parts.pop() !== String(number) || parts.length % 2 !== 0) continue;
    const names: string[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      if (parts[i] !== 'job' || !parts[i + 1]) break;
      names.push(decodeURIComponent(parts[i + 1]));
    }
    if (names.length && names.length * 2 === parts.length)
      found.push({ instance: instance.name, job: names.join('/') });
  }
  return found;
}

function result(
  envs: EnvironmentConfig[],
  keysOf: (env: EnvironmentConfig) => string[],
): Invalidation {
  return {
    keys: envs.flatMap(keysOf),
    environments: envs.map(e => e.name),
    codeJobs: [],
    finishedCodeJobs: [],
  };
}

/**
 * Maps a change to exactly the view cache entries it makes stale:
 * - a push to a config repo's branch: that branch's head/requirements and pin
 *   commits (environments on that repo and branch);
 * - a pull request: the repo's open pulls (and, merged, its base as a push);
 * - a run of a code job: that job's builds;
 * - a run of a deploy job: that environment's deploy runs (finished: also
 *   its namespace's deployments); a run only queued changes nothing cached.
 * A change nothing is configured for invalidates nothing.
 */
export function invalidationOf(
  config: DeliveryConfig,
  change: LiveChange,
): Invalidation {
  if (change.kind === 'push') {
    return result(
      envsOfRepo(config, change.repoHtmlUrl).filter(
        e => e.branch === change.branch,
      ),
      e => [viewCacheKeys.configHead(e), viewCacheKeys.pinCommits(e)],
    );
  }
  if (change.kind === 'pull-request') {
    return result(envsOfRepo(config, change.repoHtmlUrl), e => [
      viewCacheKeys.pulls(e),
      ...(change.merged && e.branch === change.base
        ? [viewCacheKeys.configHead(e), viewCacheKeys.pinCommits(e)]
        : []),
    ]);
  }
  // a queued run is not in the job's runs yet: nothing we cache changed
  if (change.phase === 'QUEUED')
    return { keys: [], environments: [], codeJobs: [], finishedCodeJobs: [] };
  const finished = change.phase === 'COMPLETED' || change.phase === 'FINALIZED';
  const codeJobs = jobOfRunUrl(
    config.codeJenkins,
    change.runUrl,
    change.number,
  );
  const deployJobs = jobOfRunUrl(
    config.deployJenkins,
    change.runUrl,
    change.number,
  );
  const envs = config.environments.filter(e =>
    deployJobs.some(
      j => j.instance === e.deployJob.instance && j.job === e.deployJob.job,
    ),
  );
  const deploys = result(envs, e => [
    viewCacheKeys.deployRuns(e),
    ...(finished && e.cluster ? [viewCacheKeys.deployments(e.cluster)] : []),
  ]);
  return {
    keys: [
      ...codeJobs.map(j => viewCacheKeys.codeBuilds(j.instance, j.job)),
      ...deploys.keys,
    ],
    environments: deploys.environments,
    codeJobs,
    finishedCodeJobs: finished ? codeJobs : [],
  };
}
