export { ConfigRepoClient } from './ConfigRepoClient';
export type {
  ConfigRepoClientOptions,
  RepoFileContent,
} from './ConfigRepoClient';
export type { ConfigRepoPull } from './configRepoPull';
export type { ConfigRepoApp, ConfigRepoTarget } from './configRepoTarget';
export { createBoundedFetch } from './boundedFetch';
export { createConfigRepoOctokit } from './createConfigRepoOctokit';
export type { ConfigRepoRequestOptions } from './createConfigRepoOctokit';
export { credentialLogins, githubAppJwt } from './credentialLogins';
export { GitHubWriteError } from './GitHubWriteError';
export { rateLimitWaitMs } from './rateLimit';
export { resolveConfigRepoTarget } from './resolveConfigRepoTarget';
export type { ResolvedConfigRepo } from './resolveConfigRepoTarget';
