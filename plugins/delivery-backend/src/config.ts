import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { DEFAULT_MAX_RESPONSE_BYTES } from './upstreams/http/readCapped';
import type {
  ChartMuseumInstanceConfig,
  ClusterConfig,
  DeliveryConfig,
  EnvironmentConfig,
  EnvironmentGates,
  JenkinsInstanceConfig,
  NexusInstanceConfig,
  VersionFrom,
} from './configTypes';

export type * from './configTypes';

const DEFAULT_TIMEOUT_MS = 10_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

function fail(key: string, message: string): never {
  throw new InputError(`Invalid config: ${key}: ${message}`);
}

function readUrl(c: Config, key: string, path: string): string {
  const value = c.getString(key).trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(path, `"${value}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(path, `"${value}" must be an http(s) URL`);
  }
  if (url.username || url.password) {
    fail(path, 'must not contain credentials; use the credential keys');
  }
  return value.replace(/\/+$/, '');
}

function readTimeout(c: Config, path: string): number {
  const t = c.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(t) || t < 100 || t > 120_000) {
    fail(`${path}.timeoutMs`, `${t} must be an integer between 100 and 120000`);
  }
  return t;
}

function readNamed<T extends { name: string }>(
  root: Config,
  key: string,
  read: (c: Config, path: string) => T,
): T[] {
  const list = root.getOptionalConfigArray(key) ?? [];
  const seen = new Set<string>();
  return list.map((c, i) => {
    const path = `delivery.${key}[${i}]`;
    const item = read(c, path);
    if (!NAME.test(item.name))
      fail(`${path}.name`, `"${item.name}" is not a valid name`);
    if (seen.has(item.name))
      fail(`${path}.name`, `duplicate name "${item.name}"`);
    seen.add(item.name);
    return Object.freeze(item);
  });
}

const readJenkins = (c: Config, path: string): JenkinsInstanceConfig => ({
  name: c.getString('name'),
  baseUrl: readUrl(c, 'baseUrl', `${path}.baseUrl`),
  username: c.getOptionalString('username'),
  apiToken: c.getOptionalString('apiToken'),
  timeoutMs: readTimeout(c, path),
});

const readNexus = (c: Config, path: string): NexusInstanceConfig => ({
  name: c.getString('name'),
  baseUrl: readUrl(c, 'baseUrl', `${path}.baseUrl`),
  repository: c.getOptionalString('repository') ?? 'docker-hosted',
  username: c.getOptionalString('username'),
  password: c.getOptionalString('password'),
  timeoutMs: readTimeout(c, path),
});

const readChartMuseum = (
  c: Config,
  path: string,
): ChartMuseumInstanceConfig => ({
  name: c.getString('name'),
  baseUrl: readUrl(c, 'baseUrl', `${path}.baseUrl`),
  username: c.getOptionalString('username'),
  password: c.getOptionalString('password'),
  timeoutMs: readTimeout(c, path),
});

function readVersionFrom(root: Config): VersionFrom {
  const raw = root.getOptionalString('versionFrom') ?? 'displayName';
  if (raw === 'displayName' || raw === 'description') return { kind: raw };
  const m = /^parameter:([A-Za-z0-9_.-]+)$/.exec(raw);
  if (m) return { kind: 'parameter', name: m[1] };
  return fail(
    'delivery.versionFrom',
    `"${raw}" must be displayName, description or parameter:<NAME>`,
  );
}

function readGates(c: Config | undefined): EnvironmentGates {
  return Object.freeze({
    requireChart: c?.getOptionalBoolean('requireChart') ?? true,
    requireImage: c?.getOptionalBoolean('requireImage') ?? true,
    requireSuccessfulBuild:
      c?.getOptionalBoolean('requireSuccessfulBuild') ?? true,
    requireRunningInPrevious:
      c?.getOptionalBoolean('requireRunningInPrevious') ?? true,
  });
}

function readCluster(
  c: Config | undefined,
  path: string,
): ClusterConfig | undefined {
  if (!c) return undefined;
  const namespace = c.getString('namespace');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
    fail(
      `${path}.namespace`,
      `"${namespace}" is not a valid Kubernetes namespace`,
    );
  }
  return Object.freeze({
    url: readUrl(c, 'url', `${path}.url`),
    token: c.getString('token'),
    namespace,
    timeoutMs: readTimeout(c, path),
  });
}

/** Splits `https://host/owner/repo(.git)` into its parts. */
function parseRepoUrl(value: string, path: string) {
  const url = new URL(value);
  const parts = url.pathname
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length !== 2)
    fail(path, `"${value}" must look like https://<host>/<owner>/<repo>`);
  return { url, owner: parts[0], repo: parts[1] };
}

function readEnvironment(
  c: Config,
  i: number,
  ctx: {
    integrations: ScmIntegrations;
    deployJenkins: readonly JenkinsInstanceConfig[];
    earlier: string[];
  },
): EnvironmentConfig {
  const path = `delivery.environments[${i}]`;
  const name = c.getString('name');
  if (!NAME.test(name)) fail(`${path}.name`, `"${name}" is not a valid name`);
  if (ctx.earlier.includes(name))
    fail(`${path}.name`, `duplicate environment "${name}"`);

  const configRepoUrl = readUrl(c, 'configRepo', `${path}.configRepo`);
  const { url, owner, repo } = parseRepoUrl(
    configRepoUrl,
    `${path}.configRepo`,
  );
  const integration = ctx.integrations.github.byUrl(configRepoUrl);
  if (!integration) {
    fail(
      `${path}.configRepo`,
      `no integrations.github entry for host "${url.host}"`,
    );
  }
  const gh = integration.config;
  const apiBaseUrl = gh.apiBaseUrl;
  if (!apiBaseUrl)
    fail(
      `${path}.configRepo`,
      `integrations.github for "${gh.host}" has no apiBaseUrl`,
    );

  const requirementsPath =
    c.getOptionalString('requirementsPath') ?? 'requirements.yaml';
  const valuesPathTemplate =
    c.getOptionalString('valuesPath') ?? '{release}.yaml';
  for (const [k, v] of [
    ['requirementsPath', requirementsPath],
    ['valuesPath', valuesPathTemplate],
  ]) {
    if (v.startsWith('/') || v.split('/').some(s => s === '..' || s === '')) {
      fail(
        `${path}.${k}`,
        `"${v}" must be a relative path inside the repository`,
      );
    }
  }

  const deployJobRaw = c.getString('deployJob');
  const m = /^(?:([A-Za-z0-9][A-Za-z0-9_.-]*):)?([^:?#\s]+)$/.exec(
    deployJobRaw,
  );
  if (!m)
    fail(`${path}.deployJob`, `"${deployJobRaw}" must be [instance:]job/path`);
  const instance = m[1] ?? ctx.deployJenkins[0]?.name;
  if (!instance || !ctx.deployJenkins.some(j => j.name === instance)) {
    fail(
      `${path}.deployJob`,
      `"${deployJobRaw}" names no delivery.deployJenkins instance`,
    );
  }

  const promotesFrom = c.getOptionalString('promotesFrom');
  if (promotesFrom !== undefined && !ctx.earlier.includes(promotesFrom)) {
    fail(
      `${path}.promotesFrom`,
      `"${promotesFrom}" is not an earlier environment`,
    );
  }

  const htmlBaseUrl = `${url.protocol}//${url.host}`;
  return Object.freeze({
    name,
    index: i,
    configRepoUrl,
    owner,
    repo,
    branch: c.getOptionalString('branch') ?? 'main',
    requirementsPath,
    valuesPathTemplate,
    valuesPath: (release: string) =>
      valuesPathTemplate.split('{release}').join(release),
    deployJob: Object.freeze({ instance, job: m[2] }),
    promotesFrom,
    cluster: readCluster(c.getOptionalConfig('cluster'), `${path}.cluster`),
    gates: readGates(c.getOptionalConfig('gates')),
    selfHeal: c.getOptionalBoolean('selfHeal') ?? false,
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    htmlBaseUrl,
    repoHtmlUrl: `${htmlBaseUrl}/${owner}/${repo}`,
    token: gh.token,
    timeoutMs: readTimeout(c, path),
  });
}

/**
 * Reads and validates the `delivery` config once, at start-up. Throws an
 * InputError naming the bad key. The result is frozen.
 * @public
 */
export function readDeliveryConfig(config: Config): DeliveryConfig {
  const root = config.getOptionalConfig('delivery');
  const integrations = ScmIntegrations.fromConfig(config);
  if (!root) {
    return Object.freeze({
      cacheTtlSeconds: 30,
      codeJenkins: [],
      deployJenkins: [],
      nexus: [],
      chartMuseum: [],
      versionFrom: { kind: 'displayName' } as const,
      environments: [],
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    });
  }
  const ttl = root.getOptionalNumber('cache.ttlSeconds') ?? 30;
  if (!(ttl >= 0 && ttl <= 3600))
    fail('delivery.cache.ttlSeconds', `${ttl} must be between 0 and 3600`);
  const maxResponseBytes =
    root.getOptionalNumber('maxResponseBytes') ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(maxResponseBytes >= 1024))
    fail('delivery.maxResponseBytes', 'must be at least 1024');

  const codeJenkins = readNamed(root, 'codeJenkins', readJenkins);
  const deployJenkins = readNamed(root, 'deployJenkins', readJenkins);
  const earlier: string[] = [];
  const environments = (root.getOptionalConfigArray('environments') ?? []).map(
    (c, i) => {
      const env = readEnvironment(c, i, {
        integrations,
        deployJenkins,
        earlier,
      });
      earlier.push(env.name);
      return env;
    },
  );
  return Object.freeze({
    cacheTtlSeconds: ttl,
    codeJenkins: Object.freeze(codeJenkins),
    deployJenkins: Object.freeze(deployJenkins),
    nexus: Object.freeze(readNamed(root, 'nexus', readNexus)),
    chartMuseum: Object.freeze(readNamed(root, 'chartMuseum', readChartMuseum)),
    versionFrom: Object.freeze(readVersionFrom(root)),
    environments: Object.freeze(environments),
    maxResponseBytes,
  });
}

/** Looks up a named instance; undefined name = the first (default). @public */
export function findInstance<T extends { name: string }>(
  list: readonly T[],
  name?: string,
): T | undefined {
  return name === undefined ? list[0] : list.find(i => i.name === name);
}
