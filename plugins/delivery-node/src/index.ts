/**
 * Node.js library for the delivery plugin: what the backend plugin and the
 * scaffolder module share: the `delivery.environments` config and the one
 * GitHub client of config repositories.
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
export * from './github';
