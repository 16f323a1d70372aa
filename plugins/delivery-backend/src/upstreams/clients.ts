import type {
  DeliveryConfig,
  EnvironmentConfig,
  GitHubHostConfig,
} from '../configTypes';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { NotFoundError } from '@backstage/errors';
import { ChartMuseumClient } from './chartmuseum/ChartMuseumClient';
import { resolveConfigRepoTarget } from '@gitops-delivery/backstage-plugin-delivery-node';
import {
  ConfigRepoClient,
  createConfigRepoOctokit,
} from './github/ConfigRepoClient';
import type { EtagStore } from './github/GitHubReader';
import { GitHubReader } from './github/GitHubReader';
import { JenkinsClient } from './jenkins/JenkinsClient';
import { KubernetesClient } from './kubernetes/KubernetesClient';
import { NexusClient } from './nexus/NexusClient';

/** Options of {@link UpstreamClients}. */
export interface UpstreamClientsOptions {
  /** Where GitHub ETags are kept (none: no conditional requests). */
  etags?: EtagStore;
  /**
   * `integrations.github`: the credentials of config-repo writes (a token or
   * a GitHub App, whose `<slug>[bot]` we then act as). Without it
   * {@link UpstreamClients.configRepoFor} refuses.
   */
  integrations?: ScmIntegrationRegistry;
}

/**
 * Every upstream client, built once from the config, and handed to each
 * service that needs one (view, promotion, re-sync, diagnostics). Code and
 * deploy Jenkins live in separate maps: an annotation can only ever select
 * a code instance. Credentials come from the config (`getToken`: the
 * integration's credentials provider).
 */
export class UpstreamClients {
  readonly codeJenkins = new Map<string, JenkinsClient>();
  readonly deployJenkins = new Map<string, JenkinsClient>();
  readonly nexus = new Map<string, NexusClient>();
  readonly chartMuseum = new Map<string, ChartMuseumClient>();
  private readonly github = new Map<string, GitHubReader>();
  private readonly kubernetes = new Map<string, KubernetesClient>();
  private readonly configRepos = new Map<string, ConfigRepoClient>();
  private readonly maxBytes: number;
  private readonly etags?: EtagStore;
  private readonly integrations?: ScmIntegrationRegistry;

  constructor(config: DeliveryConfig, options: UpstreamClientsOptions = {}) {
    const etags = options.etags;
    this.etags = etags;
    this.integrations = options.integrations;
    const maxBytes = config.maxResponseBytes;
    this.maxBytes = maxBytes;
    for (const j of config.codeJenkins)
      this.codeJenkins.set(j.name, JenkinsClient.create(j, { maxBytes }));
    for (const j of config.deployJenkins)
      this.deployJenkins.set(j.name, JenkinsClient.create(j, { maxBytes }));
    for (const n of config.nexus)
      this.nexus.set(n.name, NexusClient.create(n, { maxBytes }));
    for (const c of config.chartMuseum)
      this.chartMuseum.set(c.name, ChartMuseumClient.create(c, { maxBytes }));
    for (const env of config.environments) {
      const key = githubKey(env);
      if (!this.github.has(key)) {
        this.github.set(
          key,
          GitHubReader.create({
            apiBaseUrl: env.apiBaseUrl,
            token: env.token,
            getToken: env.getToken,
            timeoutMs: env.timeoutMs,
            maxBytes,
            etags,
          }),
        );
      }
      if (env.cluster)
        this.kubernetes.set(
          env.name,
          KubernetesClient.create(env.cluster, { maxBytes }),
        );
    }
  }

  /** The GitHub reader of an environment's config repo (shared per host/token). */
  githubFor(env: EnvironmentConfig): GitHubReader {
    return this.github.get(githubKey(env))!;
  }

  /**
   * The GitHub reader of a code repo on an integration host: shared per host
   * with a static token, else per repo (GitHub App tokens are per installation).
   */
  githubForRepo(
    host: GitHubHostConfig,
    owner: string,
    repo: string,
  ): GitHubReader {
    const repoUrl = `${host.htmlBaseUrl}/${owner}/${repo}`;
    const key = host.hasStaticToken ? `host:${host.host}` : `repo:${repoUrl}`;
    let reader = this.github.get(key);
    if (!reader) {
      reader = GitHubReader.create({
        apiBaseUrl: host.apiBaseUrl,
        getToken: () => host.getToken(repoUrl),
        timeoutMs: host.timeoutMs,
        maxBytes: this.maxBytes,
        etags: this.etags,
      });
      this.github.set(key, reader);
    }
    return reader;
  }

  kubernetesFor(env: EnvironmentConfig): KubernetesClient | undefined {
    return this.kubernetes.get(env.name);
  }

  /** The deploy (config) Jenkins named `instance`. */
  deployJenkinsFor(instance: string): JenkinsClient {
    const client = this.deployJenkins.get(instance);
    if (!client) {
      throw new NotFoundError(`No deployJenkins instance "${instance}"`);
    }
    return client;
  }

  /**
   * The read/write client of an environment's config repository (promotion):
   * a static token, else GitHub App installation tokens through the
   * integration's credentials provider, never captured once.
   */
  configRepoFor(env: EnvironmentConfig): ConfigRepoClient {
    let client = this.configRepos.get(env.name);
    if (!client) {
      if (!this.integrations) {
        throw new Error(
          'UpstreamClients was built without options.integrations: config repositories cannot be written',
        );
      }
      client = createConfigRepoClient(env, this.integrations);
      this.configRepos.set(env.name, client);
    }
    return client;
  }
}

/**
 * Builds the config-repo client of one environment (see
 * {@link UpstreamClients.configRepoFor}) on delivery-node's
 * `resolveConfigRepoTarget`: the `integrations.github` entry of the repo's
 * host, its token or else its GitHub App through the integration's
 * credentials provider. A host with neither is an `InputError`.
 */
export function createConfigRepoClient(
  env: EnvironmentConfig,
  integrations: ScmIntegrationRegistry,
): ConfigRepoClient {
  const { target } = resolveConfigRepoTarget(
    integrations,
    {
      host: new URL(env.configRepoUrl).host,
      owner: env.owner,
      repo: env.repo,
    },
    { timeoutMs: env.timeoutMs },
  );
  return new ConfigRepoClient(createConfigRepoOctokit(target), target);
}

/**
 * Which environments share a reader: the host's static token is one for all
 * its repos; without one, tokens come per repo from the integration (a GitHub
 * App installation is per account), so one reader per owner. The view batches
 * config repo reads per reader (one GraphQL query per credentials).
 */
function githubKey(env: EnvironmentConfig): string {
  return `${env.apiBaseUrl}|${env.token ? 'token' : `owner:${env.owner}`}|${
    env.timeoutMs
  }`;
}
