import type { inferParserType } from 'nuqs/server';
import { type dashboardParsers, type FailureSort, type Tab, serializeDashboard } from '@/lib/search-params';
import { clearedFilters } from './filters';

/** Every dashboard URL parameter, parsed (null when absent; `tab` defaults to overview). */
export type DashboardParams = inferParserType<typeof dashboardParsers>;

/** A change to some parameters; null removes one. */
export type DashboardPatch = Partial<{ [K in keyof DashboardParams]: DashboardParams[K] | null }>;

const ANALYSIS_PATH = '/analysis';

/** The URL of the dashboard with `patch` applied to the current parameters (empty lists are dropped). */
export function dashboardHref(
  params: DashboardParams,
  patch: DashboardPatch,
  pathname = ANALYSIS_PATH,
): string {
  const next: DashboardPatch = { ...params, ...patch };
  for (const [key, value] of Object.entries(next)) {
    if (Array.isArray(value) && value.length === 0) next[key as keyof DashboardPatch] = null;
  }
  return `${pathname}${serializeDashboard(next)}`;
}

/** Another tab, same filters; paging and the open trajectory belong to the tab left behind. */
export function tabHref(params: DashboardParams, tab: Tab, pathname = ANALYSIS_PATH): string {
  return dashboardHref(params, { tab, page: null, trajectory: null }, pathname);
}

/** Page `page` (1-based; page 1 is the bare URL). */
export function pageHref(params: DashboardParams, page: number, pathname = ANALYSIS_PATH): string {
  return dashboardHref(params, { page: page > 1 ? page : null, trajectory: null }, pathname);
}

/** The same view without any filter (for "No trajectories match these filters"). */
export function resetFiltersHref(params: DashboardParams, pathname = ANALYSIS_PATH): string {
  return dashboardHref(params, { ...clearedFilters(), page: null, trajectory: null }, pathname);
}

export type SortColumn = 'reward' | 'step_count' | 'epoch_id';

/** The failure list is sorted by reward, lowest first, unless the URL says otherwise. */
const DEFAULT_FAILURE_SORT: FailureSort = 'reward';

/** Clicking a column header: sort by it ascending, or flip the direction if it is already the sort column. */
export function nextSort(current: FailureSort | null, column: SortColumn): FailureSort {
  const active = current ?? DEFAULT_FAILURE_SORT;
  return active === column ? `-${column}` : column;
}

/** How a column is sorted now: for aria-sort. */
export function sortDirection(
  current: FailureSort | null,
  column: SortColumn,
): 'ascending' | 'descending' | 'none' {
  const active = current ?? DEFAULT_FAILURE_SORT;
  if (active === column) return 'ascending';
  if (active === `-${column}`) return 'descending';
  return 'none';
}

/**
 * The full page of one trajectory (ids may hold any character). `.` and `..` cannot be a path segment (URL parsers
 * resolve them, even written as %2E), so those two ids go in the query instead. A search `q` goes along, so the page
 * marks its words in the steps; `step` (1-based, as the page numbers steps) opens the window of steps holding it.
 */
export function trajectoryHref(id: string, q?: string | null, step?: number): string {
  const params = [
    ...(q?.trim() ? [`q=${encodeURIComponent(q.trim())}`] : []),
    ...(step !== undefined && step > 1 ? [`step=${step}`] : []),
  ];
  const search = params.join('&');
  if (id === '.' || id === '..')
    return `/trajectories?id=${encodeURIComponent(id)}${search ? `&${search}` : ''}`;
  return `/trajectories/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;
}
