/**
 * Node.js library for the delivery plugin: what the backend plugin and the
 * scaffolder module share (today the `delivery.environments` config).
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
