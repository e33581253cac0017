'use client';

import type { FilterPatch, FilterValues } from '@/lib/chart-data/filters';
import type { Tab } from '@/lib/search-params';
import { activeChips } from './chips';

export interface FilterChipsProps {
  values: FilterValues;
  /** The tab shown: its default filters (the Failures tab's reward cap) are chips too. */
  tab?: Tab | null;
  onRemove: (patch: FilterPatch) => void;
}

const CHIP =
  'inline-flex max-w-full items-center gap-1 rounded-full border py-0.5 pl-2.5 pr-1 text-xs text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis';
const VALUE_CHIP = `${CHIP} border-tremor-border bg-tremor-background-muted dark:border-dark-tremor-border dark:bg-dark-tremor-background-muted`;
const DEFAULT_CHIP = `${CHIP} border-dashed border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950`;

/** Every filter in effect, one chip per value: a URL value is removed by ×, a tab's default is lifted by its button. */
export function FilterChips({ values, tab = null, onRemove }: FilterChipsProps) {
  const chips = activeChips(values, tab);
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
          data-default={chip.isDefault || undefined}
          className={chip.isDefault ? DEFAULT_CHIP : VALUE_CHIP}
        >
          {/* Whole, wrapping on a narrow screen: run names differ at their ends (tau2's timestamps). */}
          <span className="min-w-0 [overflow-wrap:anywhere]" title={chip.label}>
            {chip.label}
          </span>
          {chip.isDefault ? (
            <button
              type="button"
              aria-label={chip.action}
              title={chip.action}
              data-testid="lift-default"
              onClick={() => onRemove(chip.remove)}
              className="rounded-full px-1.5 font-medium text-tremor-brand hover:bg-amber-100 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-brand-emphasis dark:hover:bg-amber-900"
            >
              show all
            </button>
          ) : (
            <button
              type="button"
              aria-label={chip.action}
              onClick={() => onRemove(chip.remove)}
              className="flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-tremor-content hover:bg-tremor-background-subtle hover:text-tremor-content-strong focus-visible:outline focus-visible:outline-2 focus-visible:outline-tremor-brand dark:text-dark-tremor-content dark:hover:bg-dark-tremor-background-subtle dark:hover:text-dark-tremor-content-strong"
            >
              <span aria-hidden="true">×</span>
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
