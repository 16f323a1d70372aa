export { SourcesSummary } from './SourcesSummary';
export type { SourcesSummaryProps } from './SourcesSummary';
