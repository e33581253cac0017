import type { inferParserType } from 'nuqs/server';
import { ANY_TOOL, FILTER_KEYS, PARAMS, type filterParsers } from '@/lib/search-params';

export type FilterValues = inferParserType<typeof filterParsers>;
export type FilterKey = keyof FilterValues;
export type FilterPatch = Partial<{ [K in FilterKey]: FilterValues[K] | null }>;

export interface FilterChip {
  key: FilterKey;
  /** One value (list filters get one chip per item). */
  value: string;
  /** What the chip shows. */
  label: string;
  /** The change to the URL that removes this chip. */
  remove: FilterPatch;
}

function chipValue(key: FilterKey, value: string | number): string {
  if (key === 'tool_failed' && value === ANY_TOOL) return 'any tool';
  if (key === 'q' || key === 'signature') return `“${value}”`;
  return String(value);
}

/** One chip per active filter value, in the order of the filter parameters. */
export function filterChips(values: FilterValues): FilterChip[] {
  return FILTER_KEYS.flatMap((key): FilterChip[] => {
    const value = values[key];
    if (value === null) return [];
    const chip = (item: string | number, remove: FilterPatch): FilterChip => ({
      key,
      value: String(item),
      label: `${PARAMS[key].chip} ${chipValue(key, item)}`,
      remove,
    });
    if (Array.isArray(value)) {
      return value.map((item) => {
        const rest = value.filter((other) => other !== item);
        return chip(item, { [key]: rest.length > 0 ? rest : null });
      });
    }
    return [chip(value, { [key]: null })];
  });
}

/** Options of a picker: the discovered ones plus any selected value the data no longer has, so it can be removed. */
export function withSelected<T extends string | number>(
  options: readonly T[],
  selected: readonly T[] | T | null,
): T[] {
  const picked = selected === null ? [] : Array.isArray(selected) ? selected : [selected as T];
  return [...options, ...picked.filter((value) => !options.includes(value))];
}

/** A typed-in number, or null for empty / unreadable text. */
export function parseNumberInput(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
