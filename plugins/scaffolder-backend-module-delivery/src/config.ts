import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDeliveryEnvironments } from '@gitops-delivery/backstage-plugin-delivery-node';
import { assertPlainHttpUrl, assertRegistryHost } from './validation';

/** One environment as the scaffolder needs it (no credentials). @public */
export interface ScaffolderEnvironment {
  name: string;
  /** URL of the environment's config repo, e.g. http://127.0.0.1:7105/gitops/config-dev */
  configRepo: string;
  branch: string;
  /** `requirements.yaml` (Helm v1) or `Chart.yaml` (Helm v2 `dependencies:`). */
  requirementsPath: string;
  /** May contain `{release}`. */
  valuesPath: string;
  /** `[instance:]job` on a deploy Jenkins. */
  deployJob?: string;
}

/** The part of the `delivery` config the scaffolder actions read, read once. @public */
export interface DeliveryScaffolderConfig {
  /** Owners (GitHub orgs/users) new repositories may be created under. Empty = none allowed. */
  allowedOwners: readonly string[];
  /**
   * `delivery.scaffolder.dockerRegistry`: registry host images are pushed to, e.g. 127.0.0.1:7103.
   * The generated pipelines send the Nexus credentials there, so it only ever comes from here.
   */
  dockerRegistry?: string;
  /** `delivery.scaffolder.chartRepositoryUrl`: ChartMuseum URL charts are pushed to (credentials too). */
  chartRepositoryUrl?: string;
  /** Timeout of every GitHub request, per attempt (`delivery.scaffolder.githubTimeoutMs`). */
  githubTimeoutMs: number;
  /** Name of the default code Jenkins instance (used in `delivery/code-job`). */
  codeJenkinsInstance?: string;
  environments: readonly ScaffolderEnvironment[];
}

/** Config keys of the hosts that receive credentials; never taken from action input. */
export const HOST_KEYS = {
  dockerRegistry: 'delivery.scaffolder.dockerRegistry',
  chartRepositoryUrl: 'delivery.scaffolder.chartRepositoryUrl',
} as const;

const DEFAULT_GITHUB_TIMEOUT_MS = 15_000;

/** Runs `read`, turning any failure into an error that names the config key to fix. */
function keyed<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new InputError(`Invalid config ${key}: ${message}`);
  }
}

/**
 * Reads `delivery.scaffolder`, `delivery.environments` and the first `delivery.codeJenkins`
 * name, once. Credentials are never read. The registry and chart repository are read only
 * from `delivery.scaffolder` (no fallback to the backend's Nexus/ChartMuseum API URLs): an
 * invalid value fails here naming its key; a missing one fails the actions that need it.
 * @public
 */
export function readDeliveryScaffolderConfig(
  config: Config,
): DeliveryScaffolderConfig {
  const delivery = config.getOptionalConfig('delivery');
  const scaffolder = delivery?.getOptionalConfig('scaffolder');
  const codeJenkins = delivery?.getOptionalConfigArray('codeJenkins')?.[0];
  // delivery.environments: read as the backend reads it (delivery-node)
  const environments = readDeliveryEnvironments(delivery).map(env =>
    Object.freeze({
      name: env.name,
      configRepo: env.configRepo,
      branch: env.branch,
      requirementsPath: env.requirementsPath,
      valuesPath: env.valuesPath,
      deployJob: env.deployJob,
    }),
  );
  const registry = keyed(HOST_KEYS.dockerRegistry, () =>
    scaffolder?.getOptionalString('dockerRegistry'),
  );
  const charts = keyed(HOST_KEYS.chartRepositoryUrl, () =>
    scaffolder?.getOptionalString('chartRepositoryUrl'),
  );
  const timeout = keyed('delivery.scaffolder.githubTimeoutMs', () => {
    const ms = scaffolder?.getOptionalNumber('githubTimeoutMs');
    if (ms !== undefined && (!Number.isInteger(ms) || ms < 1 || ms > 600_000)) {
      throw new Error('must be an integer from 1 to 600000');
    }
    return ms ?? DEFAULT_GITHUB_TIMEOUT_MS;
  });
  return Object.freeze({
    allowedOwners: Object.freeze([
      ...(scaffolder?.getOptionalStringArray('allowedOwners') ?? []),
    ]),
    dockerRegistry:
      registry === undefined
        ? undefined
        : keyed(HOST_KEYS.dockerRegistry, () =>
            assertRegistryHost('dockerRegistry', registry),
          ),
    chartRepositoryUrl:
      charts === undefined
        ? undefined
        : keyed(HOST_KEYS.chartRepositoryUrl, () =>
            assertPlainHttpUrl('chartRepositoryUrl', charts),
          ),
    githubTimeoutMs: timeout,
    codeJenkinsInstance: codeJenkins?.getOptionalString('name'),
    environments: Object.freeze(environments),
  });
}

/** The configured value of a credential-receiving host, or an InputError naming its key. */
export function requireHost(
  cfg: DeliveryScaffolderConfig,
  field: keyof typeof HOST_KEYS,
): string {
  const value = cfg[field];
  if (!value) {
    throw new InputError(
      `${HOST_KEYS[field]} is not set: the ${field} comes only from app-config`,
    );
  }
  return value;
}

/**
 * Rejects inputs that try to set a credential-receiving host: they come only from app-config.
 * (The scaffolder's schema check rejects unknown inputs too; this covers direct calls.)
 */
export function rejectHostInputs(input: object): void {
  for (const field of Object.keys(HOST_KEYS) as Array<keyof typeof HOST_KEYS>) {
    if (Object.prototype.hasOwnProperty.call(input, field)) {
      throw new InputError(
        `input '${field}' is not accepted: it comes only from app-config (${HOST_KEYS[field]})`,
      );
    }
  }
}
