'use client';

import type { DonutSlice } from '@/lib/chart-data/overview';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { TerminationDonut } from './termination-donut';

export interface TerminationDonutFilterProps {
  slices: DonutSlice[];
  total: number;
}

/**
 * The termination donut as a filter: clicking a reason narrows the dashboard to it (`termination_reason`); clicking
 * the reason already filtered on alone removes the filter.
 */
export function TerminationDonutFilter({ slices, total }: TerminationDonutFilterProps) {
  const { params, updateFilters } = useDashboardUrl();
  const selected = params.termination_reason ?? [];
  const onSelect = (reason: string) => {
    const only = selected.length === 1 && selected[0] === reason;
    updateFilters({ termination_reason: only ? null : [reason] });
  };
  return <TerminationDonut slices={slices} total={total} onSelect={onSelect} selected={selected} />;
}
