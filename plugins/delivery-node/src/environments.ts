import type { Config } from '@backstage/config';

/**
 * One `delivery.environments[]` entry as every consumer reads it: the keys
 * the backend plugin and the scaffolder module both need, with their
 * defaults applied, read in one place. Validation that only one consumer
 * needs (the integration of `configRepo`, the deploy Jenkins instance,
 * `cluster`, `gates`, `selfHeal`) stays with that consumer, which reads it
 * from `config`.
 * @public
 */
export interface DeliveryEnvironmentEntry {
  /** Position in `delivery.environments`. */
  index: number;
  /** The config key of the entry, e.g. `delivery.environments[0]`, for error messages. */
  key: string;
  name: string;
  /** URL of the environment's config repo, as written (e.g. `https://ghe.example.com/gitops/config-dev`). */
  configRepo: string;
  /** Branch the environment deploys from (default `main`). */
  branch: string;
  /** `requirements.yaml` (Helm v1, the default) or `Chart.yaml` (Helm v2 `dependencies:`). */
  requirementsPath: string;
  /** Values file of a release; may contain `{release}` (default `{release}.yaml`). */
  valuesPath: string;
  /** `[instance:]job` on a deploy Jenkins, as written. */
  deployJob?: string;
  /** The whole entry, for the keys only one consumer reads. */
  config: Config;
}

/** Default of `delivery.environments[].requirementsPath`. @public */
export const DEFAULT_REQUIREMENTS_PATH = 'requirements.yaml';
/** Default of `delivery.environments[].valuesPath`. @public */
export const DEFAULT_VALUES_PATH = '{release}.yaml';
/** Default of `delivery.environments[].branch`. @public */
export const DEFAULT_BRANCH = 'main';

/**
 * Reads `environments` of the `delivery` config block (absent: none). A
 * missing or mistyped `name` or `configRepo` fails with Backstage's config
 * error naming the key.
 * @public
 */
export function readDeliveryEnvironments(
  delivery: Config | undefined,
): DeliveryEnvironmentEntry[] {
  return (delivery?.getOptionalConfigArray('environments') ?? []).map(
    (config, index) =>
      Object.freeze({
        index,
        key: `delivery.environments[${index}]`,
        name: config.getString('name'),
        configRepo: config.getString('configRepo'),
        branch: config.getOptionalString('branch') ?? DEFAULT_BRANCH,
        requirementsPath:
          config.getOptionalString('requirementsPath') ??
          DEFAULT_REQUIREMENTS_PATH,
        valuesPath:
          config.getOptionalString('valuesPath') ?? DEFAULT_VALUES_PATH,
        deployJob: config.getOptionalString('deployJob'),
        config,
      }),
  );
}
