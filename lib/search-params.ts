/**
 * The one entry point to the URL / API parameters shared by pages, route handlers and client controls. Every view of
 * the dashboard is a deep link made of these keys. The parameters are declared once, in lib/params/table.ts; the nuqs
 * parsers (lib/params/parsers.ts) and the server validation (lib/analysis/query.ts) both read values through
 * lib/params/read.ts.
 */
export {
  ANY_TOOL,
  FAILURE_SORTS,
  FILTER_KEYS,
  GROUP_BYS,
  METRIC_KEYS,
  PAGE_KEYS,
  PARAMS,
  TABS,
  VIEW_KEYS,
  paramSpec,
  type FailureSort,
  type FilterKey,
  type GroupBy,
  type ParamName,
  type Tab,
} from './params/table';
export {
  dashboardParsers,
  filterParsers,
  loadDashboard,
  metricParsers,
  serializeDashboard,
  viewParsers,
} from './params/parsers';
