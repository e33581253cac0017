import { describe, expect, it } from 'vitest';
import { categoryColor, categoryColors, OTHER_CATEGORY, rankedColor, runColors } from './colors';

describe('categoryColor', () => {
  it('is the same for the same name, whatever else is shown', () => {
    expect(categoryColor('weird_reason')).toBe(categoryColor('weird_reason'));
    expect(categoryColors(['a', 'weird_reason'])[1]).toBe(categoryColors(['weird_reason'])[0]);
  });
  it('colours names by meaning where the name says it', () => {
    expect(categoryColor('tool_error')).toBe('rose');
    expect(categoryColor('timeout')).toBe('amber');
    expect(categoryColor('max_steps')).toBe('violet');
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

describe('runColors', () => {
  it('colours runs by position, baseline first, and wraps around', () => {
    const colors = runColors(Array.from({ length: 13 }, (_, i) => `run_${i}`));
    expect(colors[0]).toBe('blue');
    expect(colors[1]).toBe('amber');
    expect(new Set(colors.slice(0, 12)).size).toBe(12);
    expect(colors[12]).toBe(colors[0]);
  });
  it('handles no runs', () => {
    expect(runColors([])).toEqual([]);
  });
});

describe('well-known termination reasons', () => {
  it('get distinct colours, so stacked charts stay readable', () => {
    const reasons = [
      'success',
      'wrong_answer',
      'max_turns',
      'timeout',
      'tool_error',
      'format_error',
      'context_length',
    ];
    expect(new Set(reasons.map(categoryColor)).size).toBe(reasons.length);
    const tau = ['user_stop', 'transfer_to_human', 'max_steps'];
    expect(new Set(tau.map(categoryColor)).size).toBe(tau.length);
  });

  it('ranked series never repeat a colour within the palette', () => {
    const colors = Array.from({ length: 10 }, (_, i) => rankedColor(i));
    expect(new Set(colors).size).toBe(10);
    expect(rankedColor(10)).toBe(rankedColor(0));
  });
});
