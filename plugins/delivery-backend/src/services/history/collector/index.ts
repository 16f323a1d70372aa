export { HistoryCollector } from './HistoryCollector';
export type {
  CollectorRun,
  HistoryCollectorOptions,
  Summarize,
} from './HistoryCollector';
export { recordingResync } from './recordingResync';
export {
  HISTORY_TASK_ID,
  scheduleHistoryCollector,
} from './scheduleHistoryCollector';
