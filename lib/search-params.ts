/**
 * The one entry point to the URL / API parameters shared by pages, route handlers and client controls. Every view of
 * the dashboard is a deep link made of these keys. The parameters are declared once, in lib/params/table.ts; the nuqs
 * parsers (lib/params/parsers.ts) and the server validation (lib/analysis/query.ts) both read values through
 * lib/params/read.ts. The pages' path segments are read by lib/params/segments.ts, and every href of the pages is
 * built by lib/params/hrefs.ts.
 */
export {
  ANY_TOOL,
  FAILURE_SORTS,
  FAILURES_REWARD_MAX,
  FILTER_KEYS,
  GROUP_BYS,
  METRIC_KEYS,
  NO_BOUND,
  PAGE_KEYS,
  PARAMS,
  TABS,
  TRAJECTORY_KEYS,
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
  loadTrajectoryPage,
  metricParsers,
  serializeDashboard,
  trajectoryParsers,
  viewParsers,
} from './params/parsers';
export { decodeSegment, segmentParam } from './params/segments';
export {
  COMPARE_PATH,
  DIFF_PATH,
  DISAGREEMENT_PATH,
  analysisHref,
  clearedFilters,
  compareHref,
  comparisonHref,
  dashboardHref,
  diffHref,
  disagreementHref,
  epochFailuresHref,
  failuresHref,
  filterChangeHref,
  notesHref,
  groupHref,
  healthHref,
  pageHref,
  progressHref,
  questionRunsHref,
  resetFiltersHref,
  runsTableHref,
  stepAnchor,
  stepHref,
  tabHref,
  trainingHref,
  trajectoryHref,
  trajectoryRecordHref,
  type DashboardParams,
  type DashboardPatch,
  type DiffSideRef,
} from './params/hrefs';
