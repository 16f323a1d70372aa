export { DatabaseHistoryStore } from './DatabaseHistoryStore';
export type { HistoryStore, RetentionResult } from './HistoryStore';
