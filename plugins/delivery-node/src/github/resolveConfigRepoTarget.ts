import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import type { ConfigRepoTarget } from './configRepoTarget';

const providers = new WeakMap<
  ScmIntegrationRegistry,
  GithubCredentialsProvider
>();

/** One credentials provider per integrations registry (it caches App tokens). */
function credentialsProvider(
  integrations: ScmIntegrationRegistry,
): GithubCredentialsProvider {
  let provider = providers.get(integrations);
  if (!provider) {
    provider = DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    providers.set(integrations, provider);
  }
  return provider;
}

/**
 * A repository bound to the `integrations.github` entry of its host.
 * @public
 */
export interface ResolvedConfigRepo {
  /** What `createConfigRepoOctokit` and `ConfigRepoClient` need. */
  target: ConfigRepoTarget;
  /** Web URL, e.g. `https://ghe.example.com/gitops/config-dev`. */
  htmlUrl: string;
}

/**
 * Binds a repository to the `integrations.github` entry of its host. Hosts
 * without a configured entry (with a token or a GitHub App) are refused with
 * an `InputError` before any request is made. Credentials come through the
 * integration's credentials provider: the static token, or an installation
 * token of its GitHub App for the repository's owner, minted per request.
 * @public
 */
export function resolveConfigRepoTarget(
  integrations: ScmIntegrationRegistry,
  location: { host: string; owner: string; repo: string },
  options: { timeoutMs: number },
): ResolvedConfigRepo {
  const integration = integrations.github.byHost(location.host);
  if (
    !integration ||
    (!integration.config.token && !integration.config.apps?.length)
  ) {
    throw new InputError(
      `host '${location.host}' is not a configured integrations.github entry with a token or a GitHub App`,
    );
  }
  const { apiBaseUrl, token, apps } = integration.config;
  const apiUrl = new URL(apiBaseUrl ?? `https://${location.host}/api/v3`);
  const webBase =
    location.host === 'github.com'
      ? 'https://github.com'
      : `${apiUrl.protocol}//${location.host}`;
  const htmlUrl = `${webBase}/${location.owner}/${location.repo}`;
  const provider = token ? undefined : credentialsProvider(integrations);
  return {
    htmlUrl,
    target: {
      owner: location.owner,
      repo: location.repo,
      apiBaseUrl: apiUrl.toString().replace(/\/$/, ''),
      token,
      getToken: provider
        ? async () => (await provider.getCredentials({ url: htmlUrl })).token
        : undefined,
      apps,
      timeoutMs: options.timeoutMs,
    },
  };
}
