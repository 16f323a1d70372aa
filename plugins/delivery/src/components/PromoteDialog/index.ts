export { PromoteDialog, previewBlocker, submitBlocker } from './PromoteDialog';
export type { PromoteDialogProps } from './PromoteDialog';
