export {
  startSandbox,
  defaultPorts,
  randomPorts,
  sandboxCredentials,
  upstreams,
} from './sandbox';
export type {
  Sandbox,
  SandboxOptions,
  SandboxServer,
  Upstream,
} from './sandbox';
export * from './world';
export * from './http';
export {
  SandboxEngine,
  type EngineGeneration,
  type EngineOptions,
  type SandboxEvent,
} from './engine';
export {
  JenkinsState,
  createJenkinsApp,
  type JenkinsAppOptions,
  type BuildDiscarder,
  type RotationResult,
} from './jenkins';
export { NexusState, createNexusApp, NEXUS_PAGE_SIZE } from './nexus';
export { ChartMuseumState, createChartMuseumApp } from './chartmuseum';
export { KubernetesState, createKubernetesApp } from './kubernetes';
export { createControlApp } from './control';
export { createGitHubApp } from './github';
export {
  WebhookSender,
  type WebhookDelivery,
  type WebhookTarget,
} from './webhooks';
export type { RunListener } from './jenkins/state';
export type {
  GitHubAppOptions,
  GitHubCommitSeed,
  GitHubMergedPullSeed,
  GitHubRepoSeed,
  GitHubStore,
  GitHubTagAnnotation,
  GitHubTagSeed,
  PullMergedEvent,
} from './github';
