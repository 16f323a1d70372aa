import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import { sandboxCredentials } from '@gitops-delivery/sandbox';

/** The URLs of a running sandbox (`Sandbox['urls']`). */
export type SandboxUrls = Record<
  | 'control'
  | 'jenkins-code'
  | 'jenkins-deploy'
  | 'nexus'
  | 'chartmuseum'
  | 'github'
  | 'kubernetes',
  string
>;

// No jest or test-utils imports here: the benchmark (tsx) uses this file too.

/** The team's `delivery` app-config contract, pointed at a running sandbox. */
export function sandboxAppConfig(
  urls: SandboxUrls,
  timeoutMs = 3000,
  maxResponseBytes = 5 * 1024 * 1024,
): JsonObject {
  const gh = new URL(urls.github);
  const cluster = (namespace: string) => ({
    url: urls.kubernetes,
    token: sandboxCredentials.kubernetesToken,
    namespace,
    timeoutMs,
  });
  return {
    integrations: {
      github: [
        {
          host: gh.host,
          apiBaseUrl: `${urls.github}/api/v3`,
          token: sandboxCredentials.githubToken,
        },
      ],
    },
    delivery: {
      cache: { ttlSeconds: 30 },
      maxResponseBytes,
      codeJenkins: [
        {
          name: 'code',
          baseUrl: urls['jenkins-code'],
          username: 'code-ci',
          apiToken: 'code-jenkins-token',
          timeoutMs,
        },
      ],
      deployJenkins: [
        {
          name: 'deploy',
          baseUrl: urls['jenkins-deploy'],
          username: 'deploy-ci',
          apiToken: 'deploy-jenkins-token',
          timeoutMs,
        },
      ],
      nexus: [
        {
          name: 'default',
          baseUrl: urls.nexus,
          repository: 'docker-hosted',
          username: 'nexus-reader',
          password: 'nexus-password',
          timeoutMs,
        },
      ],
      chartMuseum: [
        {
          name: 'default',
          baseUrl: urls.chartmuseum,
          username: 'chart-reader',
          password: 'chart-password',
          timeoutMs,
        },
      ],
      environments: [
        {
          name: 'dev',
          configRepo: `${urls.github}/gitops/config-dev`,
          branch: 'main',
          deployJob: 'deploy:deploy/config-dev',
          cluster: cluster('dev'),
          timeoutMs,
        },
        {
          name: 'staging',
          promotesFrom: 'dev',
          configRepo: `${urls.github}/gitops/config-staging`,
          branch: 'main',
          deployJob: 'deploy:deploy/config-staging',
          cluster: cluster('staging'),
          timeoutMs,
        },
        {
          name: 'prod',
          promotesFrom: 'staging',
          configRepo: `${urls.github}/gitops/config-prod`,
          branch: 'main',
          requirementsPath: 'Chart.yaml',
          deployJob: 'deploy:deploy/config-prod',
          cluster: cluster('prod'),
          timeoutMs,
        },
      ],
    },
  };
}

/** An in-memory CacheService (TTL honoured) for tests. */
export function memoryCache(): CacheService & { sets: number } {
  const store = new Map<string, { value: unknown; until: number }>();
  const cache = {
    sets: 0,
    async get<T>(key: string) {
      const hit = store.get(key);
      return hit && hit.until > Date.now() ? (hit.value as T) : undefined;
    },
    async set(
      key: string,
      value: unknown,
      options?: { ttl?: number | object },
    ) {
      cache.sets++;
      const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
      store.set(key, { value, until: Date.now() + ttl });
    },
    async delete(key: string) {
      store.delete(key);
    },
    withOptions: () => cache,
  };
  return cache as unknown as CacheService & { sets: number };
}

/** A logger that drops everything (benchmarks; tests use mockServices.logger). */
export const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return silentLogger;
  },
};
