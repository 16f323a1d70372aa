export { SourceErrorNotice } from './SourceErrorNotice';
export type { SourceErrorNoticeProps } from './SourceErrorNotice';
