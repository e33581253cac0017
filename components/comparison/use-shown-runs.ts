'use client';

import { useQueryStates } from 'nuqs';
import { useCallback } from 'react';
import { dashboardParsers } from '@/lib/search-params';

/**
 * The `shown` parameter: the runs the Comparison tab's charts draw. It changes only the drawing, so a write stays in
 * the browser (shallow): the comparison already holds every run.
 */
export function useShownParam() {
  const [{ shown }, setParams] = useQueryStates(
    { shown: dashboardParsers.shown },
    { shallow: true, history: 'push', scroll: false },
  );
  const setShown = useCallback(
    (ids: readonly string[] | null) => setParams({ shown: ids && ids.length > 0 ? [...ids] : null }),
    [setParams],
  );
  return { shown, setShown };
}
