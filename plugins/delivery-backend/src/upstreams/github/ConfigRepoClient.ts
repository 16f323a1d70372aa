import type { Octokit } from '@octokit/rest';
import {
  ConfigRepoClient as SharedConfigRepoClient,
  type ConfigRepoTarget,
} from '@gitops-delivery/backstage-plugin-delivery-node';
import { redactSecrets } from '../../redaction/registry';

export type {
  ConfigRepoApp,
  ConfigRepoPull,
  ConfigRepoTarget,
  RepoFileContent,
} from '@gitops-delivery/backstage-plugin-delivery-node';
export { GitHubWriteError } from '@gitops-delivery/backstage-plugin-delivery-node';
export { createConfigRepoOctokit } from './githubOctokit';

/**
 * The config-repo client of delivery-node (the one the scaffolder module
 * uses too), with error messages passed through the secret redactor.
 */
export class ConfigRepoClient extends SharedConfigRepoClient {
  constructor(octokit: Octokit, target: ConfigRepoTarget) {
    super(octokit, target, { redact: redactSecrets });
  }
}
