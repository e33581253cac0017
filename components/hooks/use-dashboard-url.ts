import { useQueryStates } from 'nuqs';
import { useCallback, useTransition } from 'react';
import type { FilterPatch } from '@/lib/chart-data/filters';
import { dashboardParsers, type DashboardPatch } from '@/lib/search-params';

/**
 * Reads and writes the dashboard's URL parameters from client controls. Every write is a history entry (back and
 * forward work) and re-renders the server components (shallow: false) inside a transition, so `isPending` can show
 * that new figures are on their way.
 */
export function useDashboardUrl() {
  const [isPending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(dashboardParsers, {
    shallow: false,
    history: 'push',
    scroll: false,
    startTransition,
  });
  const update = useCallback((patch: DashboardPatch) => setParams(patch), [setParams]);
  /** A filter change shows another set of rows: back to the first page, with no trajectory open. */
  const updateFilters = useCallback(
    (patch: FilterPatch) => setParams({ ...patch, page: null, trajectory: null }),
    [setParams],
  );
  return { params, update, updateFilters, isPending };
}
