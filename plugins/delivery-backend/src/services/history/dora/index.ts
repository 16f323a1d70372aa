export { computePerformance } from './computePerformance';
export { summarize, summaryOf } from './summarize';
export type { PerformanceOptions } from './period';
