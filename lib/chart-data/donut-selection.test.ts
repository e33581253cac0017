import { describe, expect, it } from 'vitest';
import { donutPaths, markSlices } from './donut-selection';
import type { DonutSlice } from './overview';

const slice = (name: string, count: number): DonutSlice => ({
  name,
  count,
  ratio: count / 100,
  color: 'gray',
  selectable: name !== 'other',
});

describe('markSlices', () => {
  const slices = [
    slice('wrong_answer', 50),
    slice('timeout', 30),
    slice('format_error', 15),
    slice('other', 5),
  ];

  it('leaves every slice plain when no reason is selected', () => {
    expect(markSlices(slices, []).map((s) => s.mark)).toEqual(['plain', 'plain', 'plain', 'plain']);
  });

  it('keeps every slice with its count and marks the selected one, dimming the rest', () => {
    const marked = markSlices(slices, ['timeout']);
    expect(marked.map((s) => [s.name, s.count, s.mark])).toEqual([
      ['wrong_answer', 50, 'dimmed'],
      ['timeout', 30, 'active'],
      ['format_error', 15, 'dimmed'],
      ['other', 5, 'dimmed'],
    ]);
  });

  it('marks several selected reasons', () => {
    expect(markSlices(slices, ['timeout', 'wrong_answer']).map((s) => s.mark)).toEqual([
      'active',
      'active',
      'dimmed',
      'dimmed',
    ]);
  });

  it('marks "other" when a selected reason is one of the rare ones it groups', () => {
    expect(markSlices(slices, ['context_length']).map((s) => s.mark)).toEqual([
      'dimmed',
      'dimmed',
      'dimmed',
      'active',
    ]);
  });

  it('colours the slices apart', () => {
    const marked = markSlices([slice('tool_error', 3), slice('api_error', 2), slice('other', 1)], []);
    expect(marked.map((s) => s.color)).toEqual(['rose', 'pink', 'gray']);
  });
});

describe('donutPaths', () => {
  it('splits the ring by share, clockwise from 12 o’clock', () => {
    // 1 of 4 = a quarter turn: outer arc from (50, 0) to (100, 50), inner from (87.5, 50) back to (50, 12.5)
    const [first, second] = donutPaths([1, 3]);
    expect(first).toBe('M 50 0 A 50 50 0 0 1 100 50 L 87.5 50 A 37.5 37.5 0 0 0 50 12.5 Z');
    // the remaining three quarters: the large-arc flag is set
    expect(second).toBe('M 100 50 A 50 50 0 1 1 50 0 L 50 12.5 A 37.5 37.5 0 1 0 87.5 50 Z');
  });

  it('draws a slice that is everything as two halves, and nothing for an empty slice', () => {
    const [all, none] = donutPaths([5, 0]);
    expect(all).toBe(
      'M 50 0 A 50 50 0 0 1 50 100 L 50 87.5 A 37.5 37.5 0 0 0 50 12.5 Z ' +
        'M 50 100 A 50 50 0 0 1 50 0 L 50 12.5 A 37.5 37.5 0 0 0 50 87.5 Z',
    );
    expect(none).toBe('');
  });

  it('draws nothing when the total is zero', () => {
    expect(donutPaths([0, 0])).toEqual(['', '']);
  });
});
