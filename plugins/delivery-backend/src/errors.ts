/**
 * `UnprocessableError` (422) lives in delivery-node, which the config-repo
 * client throws it from; promotion's YAML edits throw the same class.
 */
export { UnprocessableError } from '@gitops-delivery/backstage-plugin-delivery-node';
