import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { GitHubRepoSeed } from '@gitops-delivery/sandbox';
import {
  startTestGitHub,
  TEST_GITHUB_TOKEN,
  type TestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import { seeds } from './deliverySeeds';

type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
type JsonObject = { [key: string]: JsonValue | undefined };

/** The sandbox GitHub (on a free port) plus config and integrations pointing at it. */
export interface Sandbox
  extends Pick<TestGitHub, 'host' | 'baseUrl' | 'octokit' | 'store'> {
  config: ConfigReader;
  integrations: ScmIntegrations;
  /** Number of repositories in the store. */
  repoCount(): number;
  /** Number of HTTP requests the simulator received so far. */
  requestCount(): number;
  close(): Promise<void>;
}

export async function startSandbox(
  seedRepos: GitHubRepoSeed[] = seeds(),
): Promise<Sandbox> {
  const github = await startTestGitHub(seedRepos);
  const { host, baseUrl, apiBaseUrl, store } = github;
  const env = (name: string, extra: JsonObject = {}) => ({
    name,
    configRepo: `${baseUrl}/gitops/config-${name}`,
    branch: 'main',
    deployJob: `deploy:deploy/config-${name}`,
    ...extra,
  });
  const config = new ConfigReader({
    integrations: {
      github: [{ host, apiBaseUrl, token: TEST_GITHUB_TOKEN }],
    },
    delivery: {
      scaffolder: {
        allowedOwners: ['stakater', 'gitops'],
        dockerRegistry: '127.0.0.1:7103',
        chartRepositoryUrl: 'http://127.0.0.1:7104',
      },
      codeJenkins: [
        {
          name: 'code',
          baseUrl: 'http://127.0.0.1:7101',
          username: 'code-ci',
          apiToken: 'code-jenkins-token',
        },
      ],
      nexus: [
        {
          name: 'default',
          baseUrl: 'http://127.0.0.1:7103',
          repository: 'docker-hosted',
          username: 'nexus-reader',
          password: 'nexus-password',
        },
      ],
      chartMuseum: [
        {
          name: 'default',
          baseUrl: 'http://127.0.0.1:7104',
          username: 'chart-reader',
          password: 'chart-password',
        },
      ],
      environments: [
        env('dev'),
        env('qa'),
        env('prod', { requirementsPath: 'Chart.yaml', promotesFrom: 'qa' }),
        env('staging'),
      ],
    },
  });
  return {
    host,
    baseUrl,
    octokit: github.octokit,
    store,
    config,
    integrations: ScmIntegrations.fromConfig(config),
    repoCount: () =>
      (store as unknown as { repos: Map<string, unknown> }).repos.size,
    requestCount: () => github.requests.length,
    close: () => github.close(),
  };
}

/**
 * Starts a fresh sandbox before each test of the enclosing `describe` and closes it after.
 * The returned object always reads through to the current test's sandbox.
 */
export function useSandbox(seedRepos?: GitHubRepoSeed[]): Sandbox {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await startSandbox(seedRepos);
  });
  afterEach(async () => {
    const sb = current;
    current = undefined;
    await sb?.close();
  });
  const sb = (): Sandbox => {
    if (!current)
      throw new Error('the sandbox is only available inside a test');
    return current;
  };
  return {
    get host() {
      return sb().host;
    },
    get baseUrl() {
      return sb().baseUrl;
    },
    get octokit() {
      return sb().octokit;
    },
    get store() {
      return sb().store;
    },
    get config() {
      return sb().config;
    },
    get integrations() {
      return sb().integrations;
    },
    repoCount: () => sb().repoCount(),
    requestCount: () => sb().requestCount(),
    close: () => sb().close(),
  };
}
