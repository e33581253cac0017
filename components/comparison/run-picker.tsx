'use client';

import { withSelected } from '@/lib/chart-data/filters';
import { MultiSelectFilter } from '../filters/multi-select-filter';
import { useDashboardUrl } from '../hooks/use-dashboard-url';
import { PendingIndicator } from '../ui/pending-indicator';

export interface RunPickerProps {
  /** Every training id there is. */
  trainings: string[];
  /** The runs compared when the URL names none (the page's default), shown as picked. */
  fallback?: string[];
}

/** Picks the compared runs (`training_ids`); the first picked is the baseline. */
export function RunPicker({ trainings, fallback = [] }: RunPickerProps) {
  const { params, update, isPending } = useDashboardUrl();
  const picked = params.training_ids ?? fallback;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="w-full max-w-xl">
        <MultiSelectFilter
          label="Compared runs (the first is the baseline)"
          testId="run-picker"
          options={withSelected(trainings, picked)}
          value={picked}
          onChange={(ids) =>
            update({ training_ids: ids.length > 0 ? ids : null, page: null, trajectory: null })
          }
          placeholder="Pick two or more runs"
        />
      </div>
      {picked.length > 0 ? (
        <p className="pb-2 text-xs text-tremor-content dark:text-dark-tremor-content">
          Baseline:{' '}
          <span className="font-mono text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {picked[0]}
          </span>
        </p>
      ) : null}
      <div className="pb-2">
        <PendingIndicator pending={isPending} />
      </div>
    </div>
  );
}
