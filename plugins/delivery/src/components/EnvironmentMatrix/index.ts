export { EnvironmentMatrix } from './EnvironmentMatrix';
export type { EnvironmentMatrixProps } from './EnvironmentMatrix';
