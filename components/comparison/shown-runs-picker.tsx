'use client';

import { DEFAULT_SHOWN, MAX_SHOWN, type ShownRuns } from '@/lib/chart-data/comparison';
import { MultiSelectFilter } from '../filters/multi-select-filter';

export interface ShownRunsPickerProps {
  /** Every compared run, best first. */
  ranking: readonly string[];
  shown: ShownRuns;
  onChange: (ids: string[] | null) => void;
}

/** What the charts draw: the best few by default, or the runs chosen here (at most MAX_SHOWN). */
export function ShownRunsPicker({ ranking, shown, onChange }: ShownRunsPickerProps) {
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="shown-runs">
      <div className="w-full min-w-0 sm:max-w-xl">
        <MultiSelectFilter
          label={`Runs on the charts (up to ${MAX_SHOWN}; listed best first)`}
          testId="shown-runs-picker"
          options={ranking}
          value={shown.ids}
          onChange={(ids) => onChange(ids.length > 0 ? ids.slice(0, MAX_SHOWN) : null)}
          placeholder="The best runs"
        />
      </div>
      <p
        className="min-w-0 pb-2 text-xs text-tremor-content dark:text-dark-tremor-content"
        data-testid="shown-note"
      >
        {shownNote(shown, ranking.length)}
        {shown.chosen ? (
          <>
            {' '}
            <button
              type="button"
              className="text-tremor-brand hover:underline dark:text-dark-tremor-brand"
              onClick={() => onChange(null)}
            >
              show the best {Math.min(DEFAULT_SHOWN, ranking.length)}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}

/** "The charts show the best 5 of 40 runs by their latest epoch's pass@1, best first." */
export function shownNote(shown: ShownRuns, total: number): string {
  if (!shown.chosen) {
    return shown.ids.length >= total
      ? `The charts show all ${total} runs, best first by their latest epoch's pass@1.`
      : `The charts show the best ${shown.ids.length} of ${total} runs by their latest epoch's pass@1, best first; the table lists all ${total}.`;
  }
  return `The charts show the ${shown.ids.length} run${shown.ids.length === 1 ? '' : 's'} chosen of ${total}; the table lists all ${total}.`;
}
