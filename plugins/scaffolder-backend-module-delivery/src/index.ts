/**
 * Scaffolder actions of the delivery plugin: create a code repo in the Xposer layout,
 * create an environment config repo, add a release to config repos.
 *
 * @packageDocumentation
 */

export { scaffolderModule as default } from './module';
export {
  createCodeRepoCreateAction,
  type DeliveryActionOptions,
} from './actions/codeRepoCreate';
export {
  createClaimsRecordAction,
  type ClaimsRecordActionOptions,
} from './actions/claimsRecord';
export { createConfigAddReleaseAction } from './actions/configAddRelease';
export { createConfigRepoCreateAction } from './actions/configRepoCreate';
export {
  readDeliveryScaffolderConfig,
  type DeliveryScaffolderConfig,
  type ScaffolderEnvironment,
} from './config';
