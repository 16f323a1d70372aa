export {
  renderCommit,
  versionColumn,
  startedColumn,
  durationColumn,
  runTableOptions,
} from './RunColumns';
export type { RunRow } from './RunColumns';
