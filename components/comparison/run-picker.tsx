'use client';

import { withSelected } from '@/lib/chart-data/filters';
import { middleEllipsis } from '@/lib/chart-data/names';
import { PARAMS } from '@/lib/search-params';
import { MultiSelectFilter } from '../filters/multi-select-filter';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { PendingIndicator } from '../ui/pending-indicator';

export interface RunPickerProps {
  /** Every training id there is. */
  trainings: string[];
  /** The runs compared when the URL names none (the page's default), shown as picked. */
  fallback?: string[];
}

/** The most runs one comparison takes: as many as the `training_ids` list holds. */
const MAX_COMPARED = PARAMS.training_ids.maxItems;

/** Picks the compared runs (`training_ids`, at most MAX_COMPARED); the first picked is the baseline. */
export function RunPicker({ trainings, fallback = [] }: RunPickerProps) {
  const { params, update, isPending } = useDashboardUrl();
  const picked = params.training_ids ?? fallback;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="w-full max-w-xl">
        <MultiSelectFilter
          label={`Compared runs (the first is the baseline; up to ${MAX_COMPARED})`}
          testId="run-picker"
          options={withSelected(trainings, picked)}
          value={picked}
          onChange={(ids) =>
            update({
              training_ids: ids.length > 0 ? ids.slice(0, MAX_COMPARED) : null,
              page: null,
              trajectory: null,
            })
          }
          placeholder="Pick two or more runs"
        />
      </div>
      {picked.length > 0 ? (
        <p className="min-w-0 pb-2 text-xs text-tremor-content dark:text-dark-tremor-content">
          {picked.length} runs; baseline:{' '}
          <span
            className="font-mono text-tremor-content-strong dark:text-dark-tremor-content-strong"
            title={picked[0]}
          >
            {middleEllipsis(picked[0], 40)}
          </span>
        </p>
      ) : null}
      <div className="pb-2">
        <PendingIndicator pending={isPending} />
      </div>
    </div>
  );
}
