import { describe, expect, it } from 'vitest';
import { categoryColor, categoryColors, OTHER_CATEGORY, rankedColor, runColor, runColors } from './colors';

describe('categoryColor', () => {
  it('is the same for the same name, and kept when nothing else shown wants it', () => {
    expect(categoryColor('weird_reason')).toBe(categoryColor('weird_reason'));
    expect(categoryColors(['success', 'weird_reason'])[1]).toBe(categoryColors(['weird_reason'])[0]);
  });
  it('colours names by meaning where the name says it', () => {
    expect(categoryColor('api_error')).toBe('rose');
    expect(categoryColor('timeout')).toBe('amber');
    expect(categoryColor('max_tokens')).toBe('violet');
    expect(categoryColor('context_length_exceeded')).toBe('violet');
    expect(categoryColor('success')).toBe('emerald');
    expect(categoryColor('answered')).toBe('emerald');
  });
  it('never gives other names a colour that implies success or failure', () => {
    for (const name of ['alpha', 'beta', 'gamma', 'delta', 'user_quit', 'respond', 'x']) {
      expect(['rose', 'amber', 'violet', 'emerald', 'gray']).not.toContain(categoryColor(name));
    }
  });
  it('greys out the "other" bucket', () => {
    expect(categoryColor(OTHER_CATEGORY)).toBe('gray');
  });
});

describe('categoryColors', () => {
  it('keeps the fixed colours of known reasons', () => {
    expect(categoryColors(['timeout', 'success', 'tool_error', 'failure', 'other'])).toEqual([
      'amber',
      'emerald',
      'rose',
      'pink',
      'gray',
    ]);
  });

  it('moves a meaningful name whose colour a known reason holds to a related colour', () => {
    // both prefer rose; "tool_error" is known and keeps it, "api_error" takes rose's first relative that is free
    expect(categoryColors(['api_error', 'tool_error'])).toEqual(['pink', 'rose']);
    // pink is held by "failure" as well: the next relative
    expect(categoryColors(['api_error', 'failure', 'tool_error'])).toEqual(['fuchsia', 'pink', 'rose']);
    // two timeouts with a meaning: the first by name keeps amber, the other gets orange
    expect(categoryColors(['time_limit', 'deadline_hit'])).toEqual(['orange', 'amber']);
  });

  it('never repeats a colour among up to 14 names shown together, whatever their order', () => {
    const names = [
      'success',
      'failure',
      'tool_error',
      'api_error',
      'crash',
      'invalid_json',
      'timeout',
      'time_limit',
      'max_steps',
      'max_turns',
      'budget_exceeded',
      'alpha',
      'beta',
      'gamma',
    ];
    const colors = categoryColors(names);
    expect(new Set(colors).size).toBe(names.length);
    expect(colors).not.toContain('gray');
    const reversed = categoryColors([...names].reverse());
    expect(reversed).toEqual([...colors].reverse());
  });

  it('gives the same colour to a name listed twice', () => {
    expect(categoryColors(['x_error', 'x_error'])).toEqual(['rose', 'rose']);
  });
});

describe('runColors', () => {
  it('gives each run its own colour whatever its position, distinct among the first 12 shown together', () => {
    const runs = Array.from({ length: 13 }, (_, i) => `run_${i}`);
    const colors = runColors(runs);
    expect(new Set(colors.slice(0, 12)).size).toBe(12);
    // The first listed run always has its own colour; so does any run shown alone, on any page.
    expect(colors[0]).toBe(runColor('run_0'));
    expect(runColors(['run_7'])).toEqual([runColor('run_7')]);
    expect(runColors(['run_3', 'run_7'])[0]).toBe(runColors(['run_3'])[0]);
  });
  it('moves the later of two clashing runs to the next free colour', () => {
    // Find two names with the same own colour (the hash decides; searched, not assumed).
    const names = Array.from({ length: 40 }, (_, i) => `r${i}`);
    const a = names[0];
    const b = names.find((n) => n !== a && runColor(n) === runColor(a))!;
    expect(b).toBeDefined();
    const [ca, cb] = runColors([a, b]);
    expect(ca).toBe(runColor(a));
    expect(cb).not.toBe(ca);
  });
  it('handles no runs', () => {
    expect(runColors([])).toEqual([]);
  });
});

describe('well-known termination reasons', () => {
  it('all get different colours, so charts and badges agree and stay readable', () => {
    const reasons = [
      'success',
      'wrong_answer',
      'failure',
      'tool_error',
      'format_error',
      'timeout',
      'max_steps',
      'max_turns',
      'context_length',
      'user_stop',
      'transfer_to_human',
      'unknown',
    ];
    expect(new Set(reasons.map(categoryColor)).size).toBe(reasons.length);
  });

  it('ranked series never repeat a colour within the palette', () => {
    const colors = Array.from({ length: 10 }, (_, i) => rankedColor(i));
    expect(new Set(colors).size).toBe(10);
    expect(rankedColor(10)).toBe(rankedColor(0));
  });
});
