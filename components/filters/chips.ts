import { filterChips, type FilterChip, type FilterValues } from '@/lib/chart-data/filters';
import { FAILURES_REWARD_MAX, FILTER_KEYS, NO_BOUND, type FilterKey, type Tab } from '@/lib/search-params';

/**
 * Every filter in effect, as chips: the URL's filters (lib/chart-data/filters.ts) and the defaults a tab applies when
 * the URL gives none, which say so and are lifted by their button rather than removed.
 */
export interface ActiveChip extends FilterChip {
  /** A tab's default, not a value of the URL: its button lifts it (the chip then reads as lifted). */
  isDefault: boolean;
  /** What the chip's button does, for its accessible name: "Remove filter reward_min: 0.5". */
  action: string;
}

/** The filters a tab applies when the URL gives none: the Failures tab lists failures, reward ≤ 0.5. */
export function tabDefaults(tab: Tab | null | undefined): Partial<Record<FilterKey, number>> {
  return tab === 'failures' ? { reward_max: FAILURES_REWARD_MAX } : {};
}

/** The chip of a lifted bound (`reward_max=any`), which otherwise would read "reward ≤ Infinity". */
function liftedLabel(tab: Tab | null | undefined): string {
  return tab === 'failures' ? 'all rewards (failures default lifted)' : 'reward: any';
}

/** One chip per filter value in effect, in the order of the filter parameters, defaults of `tab` included. */
export function activeChips(values: FilterValues, tab?: Tab | null): ActiveChip[] {
  const chips: ActiveChip[] = filterChips(values).map((chip) => {
    const lifted = chip.key === 'reward_max' && !Number.isFinite(values.reward_max);
    const value = lifted ? NO_BOUND : chip.value;
    return {
      ...chip,
      value,
      label: lifted ? liftedLabel(tab) : chip.label,
      isDefault: false,
      action: `Remove filter ${chip.key}: ${value}`,
    };
  });
  for (const [key, value] of Object.entries(tabDefaults(tab)) as [FilterKey, number][]) {
    if (values[key] !== null) continue;
    const label = `${filterChips({ ...nulls(values), [key]: value })[0].label} (${tab} default)`;
    const chip: ActiveChip = {
      key,
      value: String(value),
      label,
      remove: { [key]: Infinity },
      isDefault: true,
      action: `Lift the ${tab} default ${label.replace(/ \(.*\)$/, '')}`,
    };
    const order = FILTER_KEYS.indexOf(key);
    const at = chips.findIndex((other) => FILTER_KEYS.indexOf(other.key) > order);
    chips.splice(at < 0 ? chips.length : at, 0, chip);
  }
  return chips;
}

/** Every filter absent: to label one value alone. */
function nulls(values: FilterValues): FilterValues {
  return Object.fromEntries(Object.keys(values).map((key) => [key, null])) as FilterValues;
}

/** Whether any filter beyond the run and the tab's defaults is in effect: what Reset filters would clear. */
export function resettable(values: FilterValues): boolean {
  return filterChips(values).some((chip) => chip.key !== 'training_id');
}
