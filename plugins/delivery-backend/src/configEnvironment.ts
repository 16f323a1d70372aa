import type { Config } from '@backstage/config';
import type { DeliveryEnvironmentEntry } from '@gitops-delivery/backstage-plugin-delivery-node';
import type {
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import type {
  ClusterConfig,
  EnvironmentConfig,
  EnvironmentGates,
  JenkinsInstanceConfig,
  SelfHealConfig,
} from './configTypes';
import { fail, NAME, readTimeout, readUrl } from './configReaders';

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

/** `selfHeal: true` or `{ enabled, frequency: { minutes }, maxPerRun }`. */
function readSelfHeal(c: Config, path: string): SelfHealConfig {
  const defaults = { enabled: false, frequencyMinutes: 10, maxPerRun: 5 };
  const raw = c.getOptional('selfHeal');
  if (raw === undefined) return Object.freeze(defaults);
  if (typeof raw === 'boolean')
    return Object.freeze({ ...defaults, enabled: raw });
  const s = c.getConfig('selfHeal');
  const minutes =
    s.getOptionalNumber('frequency.minutes') ?? defaults.frequencyMinutes;
  if (!(minutes >= 1 && minutes <= 24 * 60)) {
    fail(
      `${path}.frequency.minutes`,
      `must be between 1 and 1440 (got ${minutes})`,
    );
  }
  const maxPerRun = s.getOptionalNumber('maxPerRun') ?? defaults.maxPerRun;
  if (!(Number.isInteger(maxPerRun) && maxPerRun >= 1 && maxPerRun <= 100)) {
    fail(
      `${path}.maxPerRun`,
      `must be an integer between 1 and 100 (got ${maxPerRun})`,
    );
  }
  return Object.freeze({
    enabled: s.getOptionalBoolean('enabled') ?? true,
    frequencyMinutes: minutes,
    maxPerRun,
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

/**
 * Validates `delivery.environments[i]` (read by `readDeliveryEnvironments`
 * of delivery-node) and adds what only the backend reads; `earlier` holds
 * the names before it.
 */
export function readEnvironment(
  entry: DeliveryEnvironmentEntry,
  ctx: {
    integrations: ScmIntegrations;
    credentials: GithubCredentialsProvider;
    deployJenkins: readonly JenkinsInstanceConfig[];
    earlier: string[];
  },
): EnvironmentConfig {
  const { config: c, index: i, key: path, name } = entry;
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

  const requirementsPath = entry.requirementsPath;
  const valuesPathTemplate = entry.valuesPath;
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

  // required here (the scaffolder reads it as optional)
  const deployJobRaw = entry.deployJob ?? c.getString('deployJob');
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
    branch: entry.branch,
    requirementsPath,
    valuesPathTemplate,
    valuesPath: (release: string) =>
      valuesPathTemplate.split('{release}').join(release),
    deployJob: Object.freeze({ instance, job: m[2] }),
    promotesFrom,
    cluster: readCluster(c.getOptionalConfig('cluster'), `${path}.cluster`),
    gates: readGates(c.getOptionalConfig('gates')),
    selfHeal: readSelfHeal(c, `${path}.selfHeal`),
    apiBaseUrl: apiBaseUrl.replace(/\/+$/, ''),
    htmlBaseUrl,
    repoHtmlUrl: `${htmlBaseUrl}/${owner}/${repo}`,
    token: gh.token,
    getToken: async () =>
      gh.token ??
      (await ctx.credentials.getCredentials({ url: configRepoUrl })).token,
    timeoutMs: readTimeout(c, path),
  });
}
