import { middleEllipsis } from './names';

/**
 * The pure parts of the dashboard's multi-select (components/filters/multi-select-filter.tsx): which options a search
 * keeps, how many chips the control shows, how many characters a chip's name gets, and where the active option moves.
 */

/**
 * The options whose full name holds every word of the query, ignoring case, in the order given. One word is a plain
 * substring ("grok-4-fast" finds the runs whose names end in it); "airline grok-4" needs both. An empty query keeps
 * them all.
 */
export function matchOptions(options: readonly string[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const name = option.toLowerCase();
    return words.every((word) => name.includes(word));
  });
}

/** The selection with `option` added at its end when absent, or taken out when present (the order of the rest kept). */
export function toggleValue(value: readonly string[], option: string): string[] {
  return value.includes(option) ? value.filter((other) => other !== option) : [...value, option];
}

export interface ChipOverflow {
  /** How many of the selected values show as chips: the first ones, in the selection's order. */
  shown: number;
  /** How many more are selected than show ("+N more"); 0 when every one shows. */
  more: number;
}

/**
 * Of `count` selected values, how many show as chips when at most `max` may: all of them when they fit, else the first
 * `max` and the rest counted. A `max` below 1 still shows one chip.
 */
export function chipOverflow(count: number, max: number): ChipOverflow {
  const total = Math.max(0, Math.floor(count));
  const limit = Math.max(1, Math.floor(max));
  const shown = Math.min(total, limit);
  return { shown, more: total - shown };
}

/** A chip's name in characters when the control has not been measured (server render, jsdom). */
export const DEFAULT_CHIP_CHARS = 24;
/**
 * Bounds of a chip's name: shorter says too little; longer would be wider than a wide control's line, and real run
 * names (`tau2-384954369-airline_tighter_policy-grok-4-fast-reasoning-2025-10-01T21:40:343871`) then show almost whole.
 */
export const MIN_CHIP_CHARS = 12;
export const MAX_CHIP_CHARS = 72;

/**
 * How many characters the chips' names get when a chip's text may be `roomPx` wide and `measure` gives a text's
 * width: the most at which every name, shortened in the middle to that many, fits (names that fit whole do not
 * count), within MIN_CHIP_CHARS…MAX_CHIP_CHARS. One number for all, so names that share their start and end read
 * alike. DEFAULT_CHIP_CHARS when the room is unknown.
 */
export function chipBudget(
  names: readonly string[],
  roomPx: number,
  measure: (text: string) => number,
): number {
  if (!(roomPx > 0) || !Number.isFinite(roomPx)) return DEFAULT_CHIP_CHARS;
  let budget = MAX_CHIP_CHARS;
  for (const name of names) {
    let chars = Math.min(budget, Array.from(name).length);
    while (chars > MIN_CHIP_CHARS && measure(middleEllipsis(name, chars)) > roomPx) chars--;
    if (chars < Array.from(name).length) budget = Math.min(budget, chars);
  }
  return budget;
}

/**
 * The option active after an arrow key among `count` shown: `step` 1 (down) moves to the next, -1 (up) to the
 * previous, stopping at either end; from none, down starts at the first and up at the last. Null when none show.
 */
export function stepActive(index: number | null, count: number, step: 1 | -1): number | null {
  if (count <= 0) return null;
  if (index === null || index < 0 || index >= count) return step === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, index + step));
}
