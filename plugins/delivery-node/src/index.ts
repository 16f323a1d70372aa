/**
 * Node.js library for the delivery plugin: what the backend plugin and the
 * scaffolder module share: the `delivery.environments` config, the one
 * GitHub client of config repositories and the chart-version check.
 *
 * @packageDocumentation
 */
export {
  DEFAULT_BRANCH,
  DEFAULT_REQUIREMENTS_PATH,
  DEFAULT_VALUES_PATH,
  readDeliveryEnvironments,
} from './environments';
export type { DeliveryEnvironmentEntry } from './environments';
export { UnprocessableError } from './errors';
export { isChartVersion, MAX_CHART_VERSION_LENGTH } from './chartVersion';
export * from './github';
