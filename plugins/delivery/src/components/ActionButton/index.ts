export { ActionButton } from './ActionButton';
export type { ActionButtonProps } from './ActionButton';
