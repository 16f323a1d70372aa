export { CopyableCode } from './CopyableCode';
export type { CopyableCodeProps } from './CopyableCode';
