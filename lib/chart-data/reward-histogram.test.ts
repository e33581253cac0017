import { describe, expect, it } from 'vitest';
import { edgeDigits, rewardHistogramGrid } from './reward-histogram';

describe('rewardHistogramGrid', () => {
  it('puts the highest bin on top and shades each cell by its share of the epoch', () => {
    const grid = rewardHistogramGrid({
      training_id: 't',
      bins: [
        { low: 0, high: 0.5 },
        { low: 0.5, high: 1 },
      ],
      epochs: [
        { epoch_id: 0, trajectory_count: 20, counts: [19, 1] },
        { epoch_id: 3, trajectory_count: 8, counts: [2, 6] },
      ],
    });
    expect(grid.epochs).toEqual([0, 3]);
    expect(grid.rows.map((row) => row.label)).toEqual(['0.50 to 1.00', '0.00 to 0.50']);
    // Shares 1/20 = 5 % (step 1), 6/8 = 75 % (step 4) on top; 95 % (4) and 25 % (2, a limit is inclusive) below.
    expect(grid.rows[0].cells.map((c) => [c.count, c.share, c.shade])).toEqual([
      [1, 0.05, 1],
      [6, 0.75, 4],
    ]);
    expect(grid.rows[1].cells.map((c) => [c.count, c.share, c.shade])).toEqual([
      [19, 0.95, 4],
      [2, 0.25, 2],
    ]);
    expect(grid.rows[0].cells[1].title).toBe('epoch 3, reward 0.50 to 1.00: 6 of 8 (75.0%)');
  });

  it('leaves empty cells unshaded and labels a single-value bin by its value', () => {
    const grid = rewardHistogramGrid({
      training_id: 't',
      bins: [{ low: 0.5, high: 0.5 }],
      epochs: [{ epoch_id: 1, trajectory_count: 3, counts: [3] }],
    });
    expect(grid.rows).toEqual([
      {
        label: '0.50',
        cells: [{ count: 3, share: 1, shade: 4, title: 'epoch 1, reward 0.50: 3 of 3 (100.0%)' }],
      },
    ]);
    const empty = rewardHistogramGrid({
      training_id: 't',
      bins: [
        { low: 0, high: 1 },
        { low: 1, high: 2 },
      ],
      epochs: [{ epoch_id: 0, trajectory_count: 2, counts: [0, 2] }],
    });
    expect(empty.rows[1].cells[0]).toMatchObject({ count: 0, share: 0, shade: 0 });
  });

  it('shows enough decimals to tell neighbouring edges apart', () => {
    expect(edgeDigits(0.1)).toBe(2);
    expect(edgeDigits(0.03)).toBe(3);
    expect(edgeDigits(0.0004)).toBe(5);
    expect(edgeDigits(25)).toBe(2);
    expect(edgeDigits(0)).toBe(2);
  });
});
