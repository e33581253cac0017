'use client';

import { useId, useState } from 'react';
import { withSelected, type FilterPatch } from '@/lib/chart-data/filters';
import { FIELD_CONTROL, FIELD_LABEL, FIELD_SURFACE } from './field-styles';

export interface EpochFilterProps {
  /** The epochs the data has. */
  epochs: readonly number[];
  epochId: number | null;
  epochMin: number | null;
  epochMax: number | null;
  onChange: (patch: FilterPatch) => void;
}

const ALL = '';
const RANGE = 'range';

/** How a range reads: "Epochs 3–7", "Epochs ≥ 3", "Epochs ≤ 7". */
export function epochRangeLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `Epoch ${min}` : `Epochs ${min}–${max}`;
  if (min !== null) return `Epochs ≥ ${min}`;
  if (max !== null) return `Epochs ≤ ${max}`;
  return 'Epoch range…';
}

/**
 * One epoch, every epoch, or a range of them (`epoch_min` / `epoch_max`): the select reads the range the URL holds
 * ("Epochs 3–7"), and "Epoch range…" opens a from / to pair that writes one.
 */
export function EpochFilter({ epochs, epochId, epochMin, epochMax, onChange }: EpochFilterProps) {
  const id = useId();
  const hasRange = epochMin !== null || epochMax !== null;
  const [editing, setEditing] = useState(false);
  const ranging = hasRange || editing;
  const sorted = withSelected(
    [...epochs].sort((a, b) => a - b),
    [epochId, epochMin, epochMax].filter((e): e is number => e !== null),
  ).sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted.at(-1) ?? 0;
  const value = ranging ? RANGE : epochId === null ? ALL : String(epochId);

  const choose = (next: string) => {
    if (next === RANGE) {
      setEditing(true);
      return;
    }
    setEditing(false);
    onChange({ epoch_id: next === ALL ? null : Number(next), epoch_min: null, epoch_max: null });
  };
  const setRange = (min: number, max: number) => {
    setEditing(false);
    const [low, high] = min <= max ? [min, max] : [max, min];
    onChange({ epoch_id: null, epoch_min: low, epoch_max: high });
  };
  const from = epochMin ?? first;
  const to = epochMax ?? last;
  const bound = (label: string, testId: string, current: number, set: (e: number) => void) => (
    <label className="flex min-w-0 flex-1 items-center gap-1">
      <span className="shrink-0 text-xs text-tremor-content dark:text-dark-tremor-content">{label}</span>
      <select
        data-testid={testId}
        aria-label={`Epoch range ${label}`}
        value={String(current)}
        onChange={(event) => set(Number(event.target.value))}
        className={`${FIELD_SURFACE} h-8 w-full`}
      >
        {sorted.map((e) => (
          <option key={e} value={String(e)}>
            {e}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className={FIELD_LABEL}>
        Epoch
      </label>
      <select
        id={id}
        data-testid="filter-epoch"
        value={value}
        onChange={(event) => choose(event.target.value)}
        className={FIELD_CONTROL}
      >
        <option value={ALL}>All epochs</option>
        {sorted.map((e) => (
          <option key={e} value={String(e)}>
            {`Epoch ${e}`}
          </option>
        ))}
        <option value={RANGE}>{hasRange ? epochRangeLabel(epochMin, epochMax) : 'Epoch range…'}</option>
      </select>
      {ranging ? (
        <div className="flex min-w-0 items-center gap-2" data-testid="filter-epoch-range">
          {bound('from', 'filter-epoch-min', from, (e) => setRange(e, to))}
          {bound('to', 'filter-epoch-max', to, (e) => setRange(from, e))}
        </div>
      ) : null}
    </div>
  );
}
