export { buildOverview } from './buildOverview';
export { CatalogReadFilter } from './CatalogReadFilter';
export { SnapshotCache } from './SnapshotCache';
export {
  overviewQuerySchema,
  OVERVIEW_DEFAULT_LIMIT,
  OVERVIEW_MAX_LIMIT,
} from './overviewQuery';
