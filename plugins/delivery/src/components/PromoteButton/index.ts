export { PromoteButton, PROMOTE_DENIED } from './PromoteButton';
export type { PromoteButtonProps } from './PromoteButton';
