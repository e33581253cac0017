import { describe, expect, it } from 'vitest';
import { markEpochLabel, markEpochPoint, selectedEpochLabel } from './epoch-marker';
import type { ChartSeries } from './types';

const curve: ChartSeries = {
  index: 'epoch',
  categories: ['Pass@1', 'Pass@4'],
  colors: ['emerald', 'slate'],
  rows: [
    { epoch: 0, 'Pass@1': 0.1, 'Pass@4': 0.3 },
    { epoch: 1, 'Pass@1': 0.25, 'Pass@4': 0.5 },
    { epoch: 2, 'Pass@1': null, 'Pass@4': 0.6 },
  ],
};

describe('markEpochPoint', () => {
  it('adds a dot on the chosen line at the selected epoch, every epoch kept', () => {
    const marked = markEpochPoint(curve, 1, 'Pass@1');
    expect(marked.categories).toEqual(['Pass@1', 'Pass@4', 'Epoch 1 selected']);
    // slate is taken by Pass@4: the next marker colour
    expect(marked.colors).toEqual(['emerald', 'slate', 'rose']);
    expect(marked.rows).toEqual([
      { epoch: 0, 'Pass@1': 0.1, 'Pass@4': 0.3 },
      { epoch: 1, 'Pass@1': 0.25, 'Pass@4': 0.5, 'Epoch 1 selected': 0.25 },
      { epoch: 2, 'Pass@1': null, 'Pass@4': 0.6 },
    ]);
    // only the selected row has the key at all: the chart draws a lone value as a dot
    expect(marked.rows.filter((r) => 'Epoch 1 selected' in r)).toHaveLength(1);
  });

  it('leaves the series alone without a selection, for an epoch not drawn, or where the line has a gap', () => {
    expect(markEpochPoint(curve, null, 'Pass@1')).toBe(curve);
    expect(markEpochPoint(curve, 7, 'Pass@1')).toBe(curve);
    expect(markEpochPoint(curve, 2, 'Pass@1')).toBe(curve);
  });
});

describe('markEpochLabel', () => {
  it('relabels the selected epoch on the axis and nothing else', () => {
    const marked = markEpochLabel(curve, 2);
    expect(marked.rows.map((r) => r.epoch)).toEqual([0, 1, '▸2']);
    expect(marked.categories).toBe(curve.categories);
    expect(markEpochLabel(curve, null)).toBe(curve);
  });
});

describe('selectedEpochLabel', () => {
  it('names the epoch', () => {
    expect(selectedEpochLabel(12)).toBe('Epoch 12 selected');
  });
});
