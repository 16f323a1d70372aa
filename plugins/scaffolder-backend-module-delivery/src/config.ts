import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

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
  /** Docker registry host images are pushed to, e.g. 127.0.0.1:7103. */
  dockerRegistry?: string;
  /** ChartMuseum URL charts are pushed to. */
  chartRepositoryUrl?: string;
  /** Name of the default code Jenkins instance (used in `delivery/code-job`). */
  codeJenkinsInstance?: string;
  environments: readonly ScaffolderEnvironment[];
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    throw new InputError(`delivery config: '${url}' is not a valid URL`);
  }
}

/**
 * Reads `delivery.scaffolder`, `delivery.environments`, the first `delivery.nexus`,
 * `delivery.chartMuseum` and `delivery.codeJenkins` entries. Credentials are never read.
 * @public
 */
export function readDeliveryScaffolderConfig(
  config: Config,
): DeliveryScaffolderConfig {
  const delivery = config.getOptionalConfig('delivery');
  const scaffolder = delivery?.getOptionalConfig('scaffolder');
  const nexus = delivery?.getOptionalConfigArray('nexus')?.[0];
  const chartMuseum = delivery?.getOptionalConfigArray('chartMuseum')?.[0];
  const codeJenkins = delivery?.getOptionalConfigArray('codeJenkins')?.[0];
  const environments = (
    delivery?.getOptionalConfigArray('environments') ?? []
  ).map(env => ({
    name: env.getString('name'),
    configRepo: env.getString('configRepo'),
    branch: env.getOptionalString('branch') ?? 'main',
    requirementsPath:
      env.getOptionalString('requirementsPath') ?? 'requirements.yaml',
    valuesPath: env.getOptionalString('valuesPath') ?? '{release}.yaml',
    deployJob: env.getOptionalString('deployJob'),
  }));
  return Object.freeze({
    allowedOwners: Object.freeze([
      ...(scaffolder?.getOptionalStringArray('allowedOwners') ?? []),
    ]),
    dockerRegistry:
      scaffolder?.getOptionalString('dockerRegistry') ??
      hostOf(nexus?.getOptionalString('baseUrl')),
    chartRepositoryUrl:
      scaffolder?.getOptionalString('chartRepositoryUrl') ??
      chartMuseum?.getOptionalString('baseUrl'),
    codeJenkinsInstance: codeJenkins?.getOptionalString('name'),
    environments: Object.freeze(environments),
  });
}
