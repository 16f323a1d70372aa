export { KubernetesState, type DeploymentRecord } from './state';
export { createKubernetesApp, type KubernetesAppOptions } from './app';
