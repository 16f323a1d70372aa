export { VersionDetail } from './VersionDetail';
export type { VersionDetailProps } from './VersionDetail';
