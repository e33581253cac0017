import { describe, expect, it } from 'vitest';
import {
  chipBudget,
  chipOverflow,
  DEFAULT_CHIP_CHARS,
  matchOptions,
  MAX_CHIP_CHARS,
  MIN_CHIP_CHARS,
  stepActive,
  toggleValue,
} from './multi-select';
import { middleEllipsis } from './names';

const RUNS = [
  'tau2-384954369-airline_tighter_policy-grok-4-fast-reasoning-2025-10-01T21:40:343871',
  'tau2-384954369-airline_tighter_policy-grok-3-mini-2025-10-01T21:40:343871',
  'tau2-384954369-telecom-grok-4-fast-reasoning-2025-10-02T08:11:120044',
  'grpo-baseline',
];

describe('matchOptions', () => {
  it('keeps every option for an empty or blank query, in the order given', () => {
    expect(matchOptions(RUNS, '')).toEqual(RUNS);
    expect(matchOptions(RUNS, '   ')).toEqual(RUNS);
  });

  it('finds a name by a piece of its end, ignoring case', () => {
    expect(matchOptions(RUNS, 'GROK-4-fast')).toEqual([RUNS[0], RUNS[2]]);
    expect(matchOptions(RUNS, '343871')).toEqual([RUNS[0], RUNS[1]]);
    expect(matchOptions(RUNS, 'grok-3-mini')).toEqual([RUNS[1]]);
  });

  it('needs every word of a query of several', () => {
    expect(matchOptions(RUNS, 'airline grok-4')).toEqual([RUNS[0]]);
    expect(matchOptions(RUNS, ' telecom  reasoning ')).toEqual([RUNS[2]]);
    expect(matchOptions(RUNS, 'airline gpt')).toEqual([]);
  });

  it('matches the characters as typed, not as a pattern', () => {
    expect(matchOptions(['a.b', 'axb', 'a*b'], 'a.b')).toEqual(['a.b']);
    expect(matchOptions(['a.b', 'axb', 'a*b'], 'a*')).toEqual(['a*b']);
  });
});

describe('toggleValue', () => {
  it('adds an absent option at the end and keeps the order of the rest', () => {
    expect(toggleValue(['b', 'a'], 'c')).toEqual(['b', 'a', 'c']);
  });

  it('takes a present option out', () => {
    expect(toggleValue(['b', 'a', 'c'], 'a')).toEqual(['b', 'c']);
    expect(toggleValue(['a'], 'a')).toEqual([]);
  });
});

describe('chipOverflow', () => {
  it('shows every chip that fits and counts none more', () => {
    expect(chipOverflow(0, 3)).toEqual({ shown: 0, more: 0 });
    expect(chipOverflow(2, 3)).toEqual({ shown: 2, more: 0 });
    expect(chipOverflow(3, 3)).toEqual({ shown: 3, more: 0 });
  });

  it('shows the first few of many and counts the rest', () => {
    expect(chipOverflow(4, 3)).toEqual({ shown: 3, more: 1 });
    expect(chipOverflow(40, 3)).toEqual({ shown: 3, more: 37 });
  });

  it('shows at least one chip whatever the limit', () => {
    expect(chipOverflow(5, 0)).toEqual({ shown: 1, more: 4 });
    expect(chipOverflow(-2, 3)).toEqual({ shown: 0, more: 0 });
  });
});

describe('chipBudget', () => {
  /** Every character 7 px wide. */
  const measure = (text: string) => Array.from(text).length * 7;
  const LONG = RUNS[0];

  it('gives the most characters that fit the room', () => {
    // 210 px at 7 px a character: 30.
    expect(chipBudget([LONG], 210, measure)).toBe(30);
    expect(measure(middleEllipsis(LONG, 30))).toBeLessThanOrEqual(210);
    expect(chipBudget([LONG], 216, measure)).toBe(30);
  });

  it('fits the widest name: one budget for all, from the text as drawn', () => {
    // A wide letter makes one name need fewer characters than the other.
    const wideW = (text: string) => measure(text) + (text.match(/W/gu)?.length ?? 0) * 7;
    const names = ['abcdefghij-klmnopqrst-WWWWWWWWWW', 'abcdefghij-klmnopqrst-uvwxyzabcd'];
    expect(chipBudget([names[1]], 200, wideW)).toBe(28);
    // 18 characters keep the 10 W's of the end: 18 × 7 + 10 × 7 = 196 px; 19 would take 203.
    expect(chipBudget(names, 200, wideW)).toBe(18);
  });

  it('leaves out the names that fit whole', () => {
    expect(chipBudget(['grpo-baseline', LONG], 210, measure)).toBe(30);
    expect(chipBudget(['grpo-baseline'], 210, measure)).toBe(MAX_CHIP_CHARS);
  });

  it('stays within its bounds on a very narrow or very wide control', () => {
    expect(chipBudget([LONG], 20, measure)).toBe(MIN_CHIP_CHARS);
    expect(chipBudget([LONG, LONG + LONG], 5000, measure)).toBe(MAX_CHIP_CHARS);
  });

  it('falls back to the default when the room is unknown', () => {
    expect(chipBudget([LONG], 0, measure)).toBe(DEFAULT_CHIP_CHARS);
    expect(chipBudget([LONG], Number.NaN, measure)).toBe(DEFAULT_CHIP_CHARS);
  });
});

describe('stepActive', () => {
  it('starts at the first option going down and at the last going up', () => {
    expect(stepActive(null, 4, 1)).toBe(0);
    expect(stepActive(null, 4, -1)).toBe(3);
  });

  it('moves by one and stops at either end', () => {
    expect(stepActive(1, 4, 1)).toBe(2);
    expect(stepActive(1, 4, -1)).toBe(0);
    expect(stepActive(3, 4, 1)).toBe(3);
    expect(stepActive(0, 4, -1)).toBe(0);
  });

  it('restarts from an index no longer shown, and has none when nothing shows', () => {
    expect(stepActive(7, 4, 1)).toBe(0);
    expect(stepActive(0, 0, 1)).toBeNull();
  });
});
