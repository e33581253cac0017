import { fnv1a } from '../fnv1a';
import type { ChartColor } from './types';

/** The bucket that collects categories beyond a chart's top N. */
export const OTHER_CATEGORY = 'other';
const OTHER_COLOR: ChartColor = 'gray';

/**
 * Reasons common in RL logs get fixed colours, all different from one another, so they look the same in every chart
 * and badge and never share a colour when shown together.
 */
const KNOWN_COLORS: Record<string, ChartColor> = {
  success: 'emerald',
  wrong_answer: 'orange',
  failure: 'pink',
  tool_error: 'rose',
  format_error: 'fuchsia',
  timeout: 'amber',
  max_turns: 'violet',
  max_steps: 'indigo',
  context_length: 'blue',
  user_stop: 'sky',
  transfer_to_human: 'cyan',
  unknown: 'slate',
};

/** Other termination reasons whose meaning is clear from the name get a colour that says it. */
const SEMANTIC_COLORS: { pattern: RegExp; color: ChartColor }[] = [
  { pattern: /error|exception|crash|fail|invalid/i, color: 'rose' },
  { pattern: /time_?out|timed_?out|time_limit|deadline/i, color: 'amber' },
  { pattern: /max_|limit|length|truncat|exceed|budget|overflow/i, color: 'violet' },
  {
    pattern:
      /^(success|succeeded|complete|completed|finish|finished|done|answer|answered|stop|end_turn|submit|submitted)$/i,
    color: 'emerald',
  },
];

/** Colours for names without a semantic colour: none of the semantic ones, so meaning is never implied. */
const HASHED_COLORS: readonly ChartColor[] = [
  'blue',
  'cyan',
  'fuchsia',
  'lime',
  'indigo',
  'teal',
  'orange',
  'pink',
  'sky',
];

/** Colours for runs in a comparison, baseline first. */
const RUN_COLORS: readonly ChartColor[] = [
  'blue',
  'amber',
  'emerald',
  'violet',
  'rose',
  'cyan',
  'fuchsia',
  'lime',
  'indigo',
  'teal',
  'orange',
  'pink',
];

/**
 * The preferred colour of a category (a termination reason, a tool): fixed per name, whichever chart or page shows
 * it, so "timeout" is the same colour in the donut, the stacked bars and the badges. Names shown together are
 * coloured by {@link categoryColors}, which keeps them apart when two prefer the same colour.
 */
export function categoryColor(name: string): ChartColor {
  if (name === OTHER_CATEGORY) return OTHER_COLOR;
  if (Object.hasOwn(KNOWN_COLORS, name)) return KNOWN_COLORS[name];
  const semantic = SEMANTIC_COLORS.find(({ pattern }) => pattern.test(name));
  return semantic ? semantic.color : HASHED_COLORS[fnv1a(name) % HASHED_COLORS.length];
}

/** Where a name stands when two want the same colour: known names first, then names with a meaning, then the rest. */
function colorPriority(name: string): number {
  if (Object.hasOwn(KNOWN_COLORS, name)) return 0;
  return SEMANTIC_COLORS.some(({ pattern }) => pattern.test(name)) ? 1 : 2;
}

/** A colour that is taken goes to its nearest free relative, so a second kind of error still looks like an error. */
const RELATED_COLORS: Partial<Record<ChartColor, readonly ChartColor[]>> = {
  rose: ['pink', 'fuchsia', 'orange'],
  amber: ['orange', 'lime'],
  violet: ['indigo', 'fuchsia', 'blue'],
  emerald: ['teal', 'lime'],
};

/** Every colour a category may get (gray is kept for "other"). */
const CATEGORY_PALETTE: readonly ChartColor[] = [
  'blue',
  'emerald',
  'amber',
  'rose',
  'violet',
  'cyan',
  'fuchsia',
  'lime',
  'indigo',
  'teal',
  'orange',
  'pink',
  'sky',
  'slate',
];

/**
 * Colours for names shown together (one chart, one legend): each name gets its preferred colour unless a name of
 * higher priority (known, then meaningful, then by name) took it first; then the nearest free relative, then the
 * first free colour from a place set by the name's hash. Distinct for up to 14 names (plus "other"); depends only on
 * the set of names, not their order.
 */
export function categoryColors(names: readonly string[]): ChartColor[] {
  const ranked = [...new Set(names)].sort(
    (a, b) => colorPriority(a) - colorPriority(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const taken = new Set<ChartColor>();
  const assigned = new Map<string, ChartColor>();
  for (const name of ranked) {
    const preferred = categoryColor(name);
    const start = fnv1a(name) % CATEGORY_PALETTE.length;
    const rotated = [...CATEGORY_PALETTE.slice(start), ...CATEGORY_PALETTE.slice(0, start)];
    const color =
      name === OTHER_CATEGORY
        ? OTHER_COLOR
        : ([preferred, ...(RELATED_COLORS[preferred] ?? []), ...rotated].find((c) => !taken.has(c)) ??
          preferred);
    taken.add(color);
    assigned.set(name, color);
  }
  return names.map((name) => assigned.get(name)!);
}

/** Colours for series ranked by size (tools by calls): neighbours in the ranking never look alike. */
const RANKED_COLORS: readonly ChartColor[] = [
  'blue',
  'amber',
  'emerald',
  'fuchsia',
  'cyan',
  'orange',
  'lime',
  'pink',
  'teal',
  'indigo',
];

/** The colour of the i-th series of a ranking. */
export function rankedColor(index: number): ChartColor {
  return RANKED_COLORS[index % RANKED_COLORS.length];
}

/** A run's own colour: fixed by its name (a hash), on every page. */
export function runColor(run: string): ChartColor {
  return RUN_COLORS[fnv1a(run) % RUN_COLORS.length];
}

/**
 * The colours of runs shown together: each run keeps its own colour (`runColor`) unless a run listed before it has
 * taken it, then it takes the next free one, so up to 12 runs shown together are all distinct and a run's colour is
 * the same wherever it is shown with the same runs (the order of the list decides only who yields on a clash). Past 12
 * runs colours repeat.
 */
export function runColors(runs: readonly string[]): ChartColor[] {
  const taken = new Set<ChartColor>();
  return runs.map((run) => {
    if (taken.size >= RUN_COLORS.length) taken.clear();
    const start = fnv1a(run) % RUN_COLORS.length;
    for (let step = 0; step < RUN_COLORS.length; step++) {
      const color = RUN_COLORS[(start + step) % RUN_COLORS.length];
      if (!taken.has(color)) {
        taken.add(color);
        return color;
      }
    }
    return RUN_COLORS[start];
  });
}
