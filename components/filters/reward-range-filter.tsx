'use client';

import { useId, type KeyboardEvent } from 'react';
import { parseNumberInput, type FilterPatch } from '@/lib/chart-data/filters';
import { NO_BOUND } from '@/lib/search-params';
import { FIELD_CONTROL, FIELD_LABEL } from './field-styles';
import { useSyncedDraft } from './use-synced-draft';

export interface RewardRangeFilterProps {
  min: number | null;
  /** The upper bound; +∞ when lifted (`reward_max=any`). */
  max: number | null;
  /** The upper bound the tab applies when none is given (the Failures tab's 0.5): the empty box says so. */
  maxDefault?: number;
  onCommit: (patch: FilterPatch) => void;
}

/** The text of a bound: empty when absent, `any` when lifted. */
const text = (value: number | null) =>
  value === null ? '' : Number.isFinite(value) ? String(value) : NO_BOUND;

/** A typed-in bound: a number, `any` (lifted: +∞, for the upper bound only), or null for empty / unreadable text. */
function parseBound(input: string, liftable: boolean): number | null {
  return liftable && input.trim().toLowerCase() === NO_BOUND ? Infinity : parseNumberInput(input);
}

/** Reward min / max inputs, applied on blur or Enter (not on every keystroke). */
export function RewardRangeFilter({ min, max, maxDefault, onCommit }: RewardRangeFilterProps) {
  const minId = useId();
  const maxId = useId();
  const errorId = useId();
  const [minText, setMinText] = useSyncedDraft(text(min));
  const [maxText, setMaxText] = useSyncedDraft(text(max));
  const nextMin = parseBound(minText, false);
  const nextMax = parseBound(maxText, true);
  const minBad = minText.trim() !== '' && nextMin === null;
  const maxBad = maxText.trim() !== '' && nextMax === null;
  const crossed = nextMin !== null && nextMax !== null && nextMin > nextMax;
  const error = minBad || maxBad ? 'Enter a number' : crossed ? 'Min must not exceed max' : null;
  const commit = () => {
    if (error !== null || (nextMin === min && nextMax === max)) return;
    onCommit({ reward_min: nextMin, reward_max: nextMax });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
  };
  const input = (
    id: string,
    testId: string,
    value: string,
    set: (v: string) => void,
    invalid: boolean,
    placeholder: string,
    hint?: string,
  ) => (
    <input
      id={id}
      data-testid={testId}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      placeholder={placeholder}
      title={hint}
      value={value}
      aria-invalid={invalid}
      aria-describedby={invalid ? errorId : undefined}
      onChange={(event) => set(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      className={`${FIELD_CONTROL} tabular-nums`}
    />
  );
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="grid grid-cols-2 gap-2">
        <label htmlFor={minId} className={FIELD_LABEL}>
          Reward min
        </label>
        <label htmlFor={maxId} className={FIELD_LABEL}>
          Reward max
        </label>
        {input(minId, 'filter-reward-min', minText, setMinText, minBad || crossed, 'any')}
        {input(
          maxId,
          'filter-reward-max',
          maxText,
          setMaxText,
          maxBad || crossed,
          maxDefault === undefined ? 'any' : String(maxDefault),
          maxDefault === undefined
            ? undefined
            : `${maxDefault}: this tab's default (its chip says so); type any to lift it`,
        )}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
