export { EnvironmentActions } from './EnvironmentActions';
export type { EnvironmentActionsProps } from './EnvironmentActions';
