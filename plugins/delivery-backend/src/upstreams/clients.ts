import type {
  DeliveryConfig,
  EnvironmentConfig,
  GitHubHostConfig,
} from '../../configTypes';
import { ChartMuseumClient } from '../../upstreams/chartmuseum/ChartMuseumClient';
import { EtagStore, GitHubReader } from '../../upstreams/github/GitHubReader';
import { JenkinsClient } from '../../upstreams/jenkins/JenkinsClient';
import { KubernetesClient } from '../../upstreams/kubernetes/KubernetesClient';
import { NexusClient } from '../../upstreams/nexus/NexusClient';

/**
 * Every upstream client, built once from the config. Code and deploy Jenkins
 * live in separate maps: an annotation can only ever select a code instance.
 * @public
 */
export class UpstreamClients {
  readonly codeJenkins = new Map<string, JenkinsClient>();
  readonly deployJenkins = new Map<string, JenkinsClient>();
  readonly nexus = new Map<string, NexusClient>();
  readonly chartMuseum = new Map<string, ChartMuseumClient>();
  private readonly github = new Map<string, GitHubReader>();
  private readonly kubernetes = new Map<string, KubernetesClient>();
  private readonly maxBytes: number;

  constructor(config: DeliveryConfig, private readonly etags: EtagStore) {
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
  githubForRepo(host: GitHubHostConfig, owner: string, repo: string): GitHubReader {
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
}

function githubKey(env: EnvironmentConfig): string {
  return `${env.apiBaseUrl}|${env.token ? 'token' : 'anonymous'}|${
    env.timeoutMs
  }`;
}
