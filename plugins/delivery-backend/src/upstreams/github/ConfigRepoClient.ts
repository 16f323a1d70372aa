import type { Octokit } from '@octokit/rest';
import {
  ConfigRepoClient as SharedConfigRepoClient,
  type ConfigRepoTarget,
} from '@gitops-delivery/backstage-plugin-delivery-node';
import { redactSecrets } from '../../redaction/registry';
import { UnprocessableError } from '../../errors';

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
 * uses too), as promotion needs it: error messages pass through the secret
 * redactor, content that cannot be edited is an `UnprocessableError` (422).
 */
export class ConfigRepoClient extends SharedConfigRepoClient {
  constructor(octokit: Octokit, target: ConfigRepoTarget) {
    super(octokit, target, {
      redact: redactSecrets,
      unprocessable: message => new UnprocessableError(message),
    });
  }
}
