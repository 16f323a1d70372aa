import type { ClusterConfig, EnvironmentConfig } from '../../configTypes';

/**
 * The keys under which the view's `SourceLoader` (../view/sources.ts) caches
 * the upstream reads an event can change, prefix included. They must stay
 * equal to the loader's; liveUpdates.sandbox.test.ts proves it by counting
 * the upstream requests of the next view.
 */
export const viewCacheKeys = {
  /** The config branch head and its requirements file. */
  configHead: (env: EnvironmentConfig) =>
    `delivery:config:${env.apiBaseUrl}/${env.owner}/${env.repo}@${env.branch}`,
  /** The commits that touched the requirements file (pin dates). */
  pinCommits: (env: EnvironmentConfig) =>
    `delivery:pincommits:${env.apiBaseUrl}/${env.owner}/${env.repo}@${env.branch}:${env.requirementsPath}`,
  /** Open pull requests of the config repo (promotions). */
  pulls: (env: EnvironmentConfig) =>
    `delivery:pulls:${env.apiBaseUrl}/${env.owner}/${env.repo}`,
  /** Runs of the environment's deploy job. */
  deployRuns: (env: EnvironmentConfig) =>
    `delivery:deploy:${env.deployJob.instance}:${env.deployJob.job}:${env.configRepoUrl}:v2`,
  /** Deployments of the environment's namespace. */
  deployments: (cluster: ClusterConfig) =>
    `delivery:k8s:${cluster.url}:${cluster.namespace}`,
  /** Builds of a code job. */
  codeBuilds: (instance: string, job: string) =>
    `delivery:code:${instance}:${job}`,
  /** Tags of an image in Nexus (a finished code run may have pushed one). */
  images: (instance: string, image: string) =>
    `delivery:nexus:${instance}:${image}`,
  /** Versions of a chart in ChartMuseum (a finished code run may have pushed one). */
  charts: (instance: string, chart: string) =>
    `delivery:chart:${instance}:${chart}`,
};
