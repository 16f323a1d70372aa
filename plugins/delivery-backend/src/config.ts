import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  DEFAULT_VERSION_STRATEGIES,
  parseVersionStrategies,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { DEFAULT_MAX_RESPONSE_BYTES } from './upstreams/http/readCapped';
import { readGithubHosts, readHostAliases } from './configGithubHosts';
import type {
  ChartMuseumInstanceConfig,
  DeliveryConfig,
  JenkinsInstanceConfig,
  NexusInstanceConfig,
  VersionFrom,
} from './configTypes';
import { fail, NAME, readTimeout, readUrl } from './configReaders';
import { readDeliveryEnvironments } from '@gitops-delivery/backstage-plugin-delivery-node';
import { readEnvironment } from './configEnvironment';
import { readHistoryConfig } from './configHistory';

export type * from './configTypes';

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

/** `versionFrom`: one strategy, a comma-separated list, or a YAML list. */
function readVersionFrom(root: Config): readonly VersionFrom[] {
  const raw = root.getOptional('versionFrom');
  if (raw === undefined) return DEFAULT_VERSION_STRATEGIES;
  const list = Array.isArray(raw)
    ? root.getStringArray('versionFrom')
    : root.getString('versionFrom');
  try {
    return Object.freeze(parseVersionStrategies(list));
  } catch (e) {
    return fail('delivery.versionFrom', (e as Error).message);
  }
}

/** Moving tags (never versions): `delivery.movingTags`, default latest, stable, edge. */
function readMovingTags(root: Config): readonly string[] {
  const list = root.getOptionalStringArray('movingTags') ?? [
    'latest',
    'stable',
    'edge',
  ];
  return Object.freeze(list.map(t => t.trim()).filter(Boolean));
}

/**
 * Reads and validates the `delivery` config once, at start-up. Throws an
 * InputError naming the bad key. The result is frozen.
 * @public
 */
export function readDeliveryConfig(config: Config): DeliveryConfig {
  const root = config.getOptionalConfig('delivery');
  const integrations = ScmIntegrations.fromConfig(config);
  const credentials =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const githubHosts = readGithubHosts(integrations, credentials);
  if (!root) {
    return Object.freeze({
      cacheTtlSeconds: 30,
      codeJenkins: [],
      deployJenkins: [],
      nexus: [],
      chartMuseum: [],
      versionFrom: DEFAULT_VERSION_STRATEGIES,
      hostAliases: new Map(),
      movingTags: ['latest', 'stable', 'edge'],
      githubHosts,
      environments: [],
      maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
      history: readHistoryConfig(undefined, []),
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
  const environments = readDeliveryEnvironments(root).map(entry => {
    const env = readEnvironment(entry, {
      integrations,
      credentials,
      deployJenkins,
      earlier,
    });
    earlier.push(env.name);
    return env;
  });
  return Object.freeze({
    cacheTtlSeconds: ttl,
    codeJenkins: Object.freeze(codeJenkins),
    deployJenkins: Object.freeze(deployJenkins),
    nexus: Object.freeze(readNamed(root, 'nexus', readNexus)),
    chartMuseum: Object.freeze(readNamed(root, 'chartMuseum', readChartMuseum)),
    versionFrom: readVersionFrom(root),
    hostAliases: readHostAliases(root, githubHosts),
    movingTags: readMovingTags(root),
    githubHosts,
    environments: Object.freeze(environments),
    maxResponseBytes,
    githubGraphql: root.getOptionalBoolean('github.graphql') ?? true,
    history: readHistoryConfig(
      root,
      environments.map(e => e.name),
    ),
  });
}

/** Looks up a named instance; undefined name = the first (default). @public */
export function findInstance<T extends { name: string }>(
  list: readonly T[],
  name?: string,
): T | undefined {
  return name === undefined ? list[0] : list.find(i => i.name === name);
}
