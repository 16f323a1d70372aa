export { SetupCheck } from './SetupCheck';
export type { SetupCheckProps } from './SetupCheck';
