import { describe, expect, it } from 'vitest';
import { episodes, judgeMeans, judgeShares, wilson, type Judged } from './rules';

const epoch = (epoch_id: number, hits: number, total: number) => ({ epoch_id, hits, total });

describe('judgeShares', () => {
  it('skips small epochs and judges each against the pooled share of up to three earlier ones', () => {
    const judged = judgeShares(
      [
        epoch(0, 5, 100),
        epoch(1, 1, 10),
        epoch(2, 5, 100),
        epoch(3, 5, 100),
        epoch(4, 5, 100),
        epoch(5, 40, 100),
      ],
      { warning: 0.1, critical: 0.25 },
    );
    // Epoch 1 has 10 rows (< 50): neither judged nor a baseline.
    expect(judged.map((j) => j.epoch_id)).toEqual([0, 2, 3, 4, 5]);
    expect(judged[0]).toEqual({ epoch_id: 0, value: 0.05, baseline: null, severity: null });
    // Epoch 5 against epochs 2–4: 15 / 300 = 0.05; a rise of 0.35 ≥ 0.25 with z ≈ 8.8.
    expect(judged[4]).toEqual({ epoch_id: 5, value: 0.4, baseline: 0.05, severity: 'critical' });
    expect(judged.slice(0, 4).every((j) => j.severity === null)).toBe(true);
  });

  it('needs both the size of the rise and its significance', () => {
    // 0.05 → 0.17 on 60 rows: a 12-point rise, z = 0.12 / sqrt(p(1-p)(1/60+1/60)) with p = 0.11 → 2.1 < 3.
    const small = judgeShares([epoch(0, 3, 60), epoch(1, 10, 60)], { warning: 0.1, critical: 0.25 });
    expect(small[1].severity).toBeNull();
    // The same shares on 1,000 rows each: z ≈ 8.6, and the rise 0.12 is a warning (< 0.25).
    const large = judgeShares([epoch(0, 50, 1000), epoch(1, 170, 1000)], { warning: 0.1, critical: 0.25 });
    expect(large[1].severity).toBe('warning');
    // A significant rise below the warning size fires nothing.
    const tiny = judgeShares([epoch(0, 500, 10000), epoch(1, 900, 10000)], { warning: 0.1, critical: 0.25 });
    expect(tiny[1].severity).toBeNull();
  });

  it('fires on a rise from a baseline of zero', () => {
    const judged = judgeShares([epoch(0, 0, 100), epoch(1, 20, 100)], { warning: 0.05, critical: 0.15 });
    expect(judged[1]).toMatchObject({ baseline: 0, severity: 'critical' });
  });
});

describe('judgeMeans', () => {
  it('fires on a relative rise of the mean that clears three standard errors', () => {
    const judged = judgeMeans(
      [
        { epoch_id: 0, mean: 600, sd: 100, n: 100 },
        { epoch_id: 1, mean: 620, sd: 100, n: 100 },
        { epoch_id: 2, mean: 1000, sd: 300, n: 100 },
      ],
      { warning: 0.5, critical: 1 },
    );
    expect(judged[1].severity).toBeNull();
    // Baseline 610 (pooled); 1000 / 610 − 1 = 0.64 ≥ 0.5.
    expect(judged[2]).toEqual({ epoch_id: 2, value: 1000, baseline: 610, severity: 'warning' });
  });
});

describe('episodes', () => {
  const at = (epoch_id: number, severity: Judged['severity']): Judged => ({
    epoch_id,
    value: 0,
    baseline: 0,
    severity,
  });
  it('makes one alert of consecutive firing epochs, at its first epoch with its worst severity', () => {
    const found = episodes([at(0, null), at(1, 'warning'), at(2, 'critical'), at(3, null), at(4, 'warning')]);
    expect(found.map((e) => [e.first.epoch_id, e.severity])).toEqual([
      [1, 'critical'],
      [4, 'warning'],
    ]);
  });
});

describe('wilson', () => {
  it('matches the textbook interval', () => {
    // 8 of 10: [0.490, 0.943] (Wilson score, z = 1.96).
    const { low, high } = wilson(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
