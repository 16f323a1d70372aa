export { VersionEnvironmentChips } from './VersionEnvironmentChips';
export type { VersionEnvironmentChipsProps } from './VersionEnvironmentChips';
