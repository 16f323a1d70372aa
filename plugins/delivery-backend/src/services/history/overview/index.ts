export { buildOverview } from './buildOverview';
export { CatalogReadFilter } from './CatalogReadFilter';
export {
  overviewQuerySchema,
  OVERVIEW_DEFAULT_LIMIT,
  OVERVIEW_MAX_LIMIT,
} from './overviewQuery';
