import { fnv1a } from '../fnv1a';
import type { ChartColor } from './types';

/** The bucket that collects categories beyond a chart's top N. */
export const OTHER_CATEGORY = 'other';
const OTHER_COLOR: ChartColor = 'gray';

/**
 * Reasons common in RL logs get fixed, mutually distinct colours, so two kinds of failure never share a colour in a
 * stacked chart.
 */
const KNOWN_COLORS: Record<string, ChartColor> = {
  success: 'emerald',
  wrong_answer: 'orange',
  failure: 'rose',
  tool_error: 'rose',
  format_error: 'fuchsia',
  timeout: 'amber',
  max_turns: 'violet',
  max_steps: 'violet',
  context_length: 'indigo',
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
 * The colour of a category (a termination reason, a tool): fixed per name, whichever chart or page shows it, so
 * "timeout" is the same colour in the donut, the stacked bars and the badges.
 */
export function categoryColor(name: string): ChartColor {
  if (name === OTHER_CATEGORY) return OTHER_COLOR;
  if (Object.hasOwn(KNOWN_COLORS, name)) return KNOWN_COLORS[name];
  const semantic = SEMANTIC_COLORS.find(({ pattern }) => pattern.test(name));
  return semantic ? semantic.color : HASHED_COLORS[fnv1a(name) % HASHED_COLORS.length];
}

export function categoryColors(names: readonly string[]): ChartColor[] {
  return names.map(categoryColor);
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

/** Run colours follow the order the runs were picked in: the baseline is always blue. */
export function runColors(runs: readonly string[]): ChartColor[] {
  return runs.map((_, i) => RUN_COLORS[i % RUN_COLORS.length]);
}
