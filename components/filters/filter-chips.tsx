'use client';

import { filterChips, type FilterPatch, type FilterValues } from '@/lib/chart-data/filters';

export interface FilterChipsProps {
  values: FilterValues;
  onRemove: (patch: FilterPatch) => void;
}

/** The active filters, one removable chip per value. */
export function FilterChips({ values, onRemove }: FilterChipsProps) {
  const chips = filterChips(values);
  if (chips.length === 0) return null;
  return (
    <ul
      aria-label="Active filters"
      data-testid="filter-chips"
      className="flex flex-wrap items-center gap-1.5"
    >
      {chips.map((chip) => (
        <li
          key={`${chip.key}=${chip.value}`}
          className="inline-flex max-w-xs items-center gap-1 rounded-full border border-tremor-border bg-tremor-background-muted py-0.5 pl-2.5 pr-1 text-xs text-tremor-content-emphasis dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content-emphasis"
        >
          <span className="truncate" title={chip.label}>
            {chip.label}
          </span>
          <button
            type="button"
            aria-label={`Remove filter ${chip.key}: ${chip.value}`}
            onClick={() => onRemove(chip.remove)}
            className="flex h-4 w-4 items-center justify-center rounded-full text-tremor-content hover:bg-tremor-background-subtle hover:text-tremor-content-strong focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-content dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-content-strong"
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
