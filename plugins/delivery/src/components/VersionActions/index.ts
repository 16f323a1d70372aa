export { VersionActions } from './VersionActions';
export type { VersionActionsProps } from './VersionActions';
