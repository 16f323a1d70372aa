export { BuildResultStatus } from './BuildResultStatus';
export type { BuildResultStatusProps } from './BuildResultStatus';
