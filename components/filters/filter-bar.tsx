'use client';

import { useCallback } from 'react';
import { withSelected } from '@/lib/chart-data/filters';
import { ANY_TOOL, clearedFilters } from '@/lib/search-params';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { PendingIndicator } from '../ui/pending-indicator';
import { resettable, tabDefaults } from './chips';
import { EpochFilter } from './epoch-filter';
import { FilterChips } from './filter-chips';
import { MultiSelectFilter } from './multi-select-filter';
import { RewardRangeFilter } from './reward-range-filter';
import { SearchFilter } from './search-filter';
import { SelectField } from './select-field';

export interface FilterOptions {
  trainings: string[];
  epochs: number[];
  terminationReasons: string[];
  tools: string[];
}

export interface FilterBarProps {
  /** The values the data has, discovered by the page. */
  options: FilterOptions;
  /** Hide the training picker (the comparison tab picks its runs with `training_ids`). */
  hideTraining?: boolean;
}

/** Every filter of the dashboard, written to the URL (shareable, back/forward-able), with the active ones as chips. */
export function FilterBar({ options, hideTraining = false }: FilterBarProps) {
  const { params, updateFilters, isPending } = useDashboardUrl();
  const commitSearch = useCallback((q: string | null) => updateFilters({ q }), [updateFilters]);
  const list = (value: string[]) => (value.length > 0 ? value : null);
  const failedTools = withSelected(
    options.tools,
    params.tool_failed === ANY_TOOL ? null : params.tool_failed,
  );
  // Reset clears the filters but keeps the run that is open (the page would otherwise open the latest one).
  const active = resettable(params);
  const reset = () => updateFilters({ ...clearedFilters(), training_id: params.training_id });

  return (
    <div
      role="search"
      aria-label="Filters"
      data-testid="filter-bar"
      className="flex flex-col gap-3 rounded-lg border border-tremor-border bg-tremor-background p-3 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card"
    >
      <div className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] items-start gap-3">
        {hideTraining ? null : (
          <MultiSelectFilter
            label="Training"
            testId="filter-training"
            // Two columns from the small breakpoint: a chip then shows the end of a long run name.
            className="sm:col-span-2"
            options={withSelected(options.trainings, params.training_id)}
            value={params.training_id ?? []}
            onChange={(value) => updateFilters({ training_id: list(value) })}
            placeholder="Latest training"
          />
        )}
        <EpochFilter
          epochs={options.epochs}
          epochId={params.epoch_id}
          epochMin={params.epoch_min}
          epochMax={params.epoch_max}
          onChange={updateFilters}
        />
        <RewardRangeFilter
          min={params.reward_min}
          max={params.reward_max}
          maxDefault={tabDefaults(params.tab).reward_max}
          onCommit={updateFilters}
        />
        <MultiSelectFilter
          label="Termination reason"
          testId="filter-termination"
          options={withSelected(options.terminationReasons, params.termination_reason)}
          value={params.termination_reason ?? []}
          onChange={(value) => updateFilters({ termination_reason: list(value) })}
        />
        <MultiSelectFilter
          label="Tools used"
          testId="filter-tools-any"
          options={withSelected(options.tools, params.tools_any)}
          value={params.tools_any ?? []}
          onChange={(value) => updateFilters({ tools_any: list(value) })}
        />
        <MultiSelectFilter
          label="Tools not used"
          testId="filter-tools-none"
          options={withSelected(options.tools, params.tools_none)}
          value={params.tools_none ?? []}
          onChange={(value) => updateFilters({ tools_none: list(value) })}
        />
        <SelectField
          label="Tool failed"
          testId="filter-tool-failed"
          value={params.tool_failed ?? ''}
          options={[
            { value: '', label: 'Not filtered' },
            { value: ANY_TOOL, label: 'Any tool' },
            ...failedTools.map((tool) => ({ value: tool, label: tool })),
          ]}
          onChange={(value) => updateFilters({ tool_failed: value === '' ? null : value })}
        />
        <SearchFilter value={params.q} onCommit={commitSearch} />
        <div className="flex items-center justify-end gap-3 self-end">
          <PendingIndicator pending={isPending} />
          <button
            type="button"
            data-testid="filter-reset"
            disabled={!active}
            onClick={reset}
            className="h-[38px] rounded-tremor-default border border-tremor-border px-3 text-xs font-medium text-tremor-content-emphasis hover:bg-tremor-background-muted disabled:cursor-not-allowed disabled:opacity-50 dark:border-dark-tremor-border dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-muted"
          >
            Reset filters
          </button>
        </div>
      </div>
      <FilterChips values={params} tab={params.tab} onRemove={updateFilters} />
    </div>
  );
}
