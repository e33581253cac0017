import type { EmptyCauses } from '@/lib/analysis/filters/empty-causes';
import { formatInteger } from '@/lib/chart-data/format';
import {
  filterChangeHref,
  PARAMS,
  resetFiltersHref,
  type DashboardParams,
  type FilterKey,
} from '@/lib/search-params';
import { EmptyState } from '../ui/empty-state';
import { TextLink } from '../ui/links';
import { activeChips, type ActiveChip } from './chips';

/** One way out of an empty view: drop (or lift) one filter, and how many trajectories that brings back. */
export interface EmptyFix {
  key: FilterKey;
  label: string;
  href: string;
  /** "Remove reward ≥ 1", "Show all rewards (lift the failures default)". */
  action: string;
  without: number;
}

export interface EmptyExplained {
  /** Which filter emptied the view: "No trajectory has reward ≥ 1 in this run: remove that filter". */
  sentence: string;
  fixes: EmptyFix[];
  resetHref: string;
}

/** "a", "a and b", "a, b and c". */
function joined(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How a filter reads in a sentence: its chip, or its chips' values after one label ("termination: a, b"). */
function labelOf(key: FilterKey, chips: readonly ActiveChip[]): string {
  const own = chips.filter((chip) => chip.key === key);
  if (own.length === 1) return own[0].label;
  const spec = PARAMS[key];
  return `${'chip' in spec ? spec.chip : key} ${own.map((chip) => chip.value).join(', ')}`;
}

/** Where the view looks: "in this run", "in these 2 runs", or everywhere. */
function scopeOf(params: DashboardParams): string {
  const runs = params.training_id?.length ?? 0;
  return runs === 1 ? ' in this run' : runs > 1 ? ` in these ${runs} runs` : '';
}

/**
 * What an empty view says: which filter emptied it (the counts of emptyCauses) and the one-click way back for each,
 * a tab's default (the Failures tab's reward cap) lifted rather than removed.
 */
export function explainEmpty(
  { active, causes }: EmptyCauses,
  params: DashboardParams,
  pathname?: string,
): EmptyExplained {
  const chips = activeChips(params, params.tab);
  const isDefault = (key: FilterKey) => chips.some((chip) => chip.key === key && chip.isDefault);
  const fixes = causes.map(({ key, without }): EmptyFix => {
    const label = labelOf(key, chips);
    return isDefault(key)
      ? {
          key,
          label,
          href: filterChangeHref(params, { [key]: Infinity }, pathname),
          action: `Show all rewards (lift the ${params.tab} default)`,
          without,
        }
      : {
          key,
          label,
          href: filterChangeHref(params, { [key]: null }, pathname),
          action: `Remove ${label}`,
          without,
        };
  });
  const blamed = fixes.map((fix) => fix.label);
  const others = active
    .filter((key) => !causes.some((cause) => cause.key === key))
    .map((key) => labelOf(key, chips));
  const scope = scopeOf(params);
  let sentence: string;
  if (active.length === 0) sentence = `No scored trajectory${scope}`;
  else if (fixes.length === 0)
    sentence = `No trajectory has ${joined(others)}${scope}: no single filter empties it, they do together`;
  else {
    const context = others.length > 0 ? ` with ${joined(others)}` : '';
    const hint =
      fixes.length > 1
        ? 'remove one of them'
        : isDefault(fixes[0].key)
          ? 'lift that default'
          : 'remove that filter';
    sentence = `No trajectory has ${joined(blamed)}${context}${scope}: ${hint}`;
  }
  return { sentence, fixes, resetHref: resetFiltersHref(params, pathname) };
}

/** An empty view that says which filter emptied it, with the link that removes each. */
export function EmptyExplanation({ explained }: { explained: EmptyExplained }) {
  const { sentence, fixes, resetHref } = explained;
  return (
    <div data-testid="empty-explained">
      <EmptyState
        title="No trajectories match these filters"
        body={
          <>
            <p data-testid="empty-cause">{sentence}</p>
            {fixes.length > 0 ? (
              <ul className="mt-1 space-y-1">
                {fixes.map((fix) => (
                  <li key={fix.key} data-testid="empty-fix">
                    <TextLink href={fix.href} scroll={false} className="font-medium">
                      {fix.action}
                    </TextLink>{' '}
                    <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                      ({formatInteger(fix.without)} {fix.without === 1 ? 'trajectory' : 'trajectories'}{' '}
                      without it)
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        }
        action={{ href: resetHref, label: 'Reset filters (the run stays)' }}
      />
    </div>
  );
}
