import type { FailureSort } from '@/lib/search-params';

/**
 * How the failure list's column headers sort. The hrefs themselves are built beside the parameter table
 * (lib/params/hrefs.ts, exported by lib/search-params.ts).
 */

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
