export { ResyncButton, RESYNC_DENIED, RESYNC_STATUSES } from './ResyncButton';
export type { ResyncButtonProps } from './ResyncButton';
export { ResyncDialog } from './ResyncDialog';
