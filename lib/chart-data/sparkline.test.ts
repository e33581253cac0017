import { describe, expect, it } from 'vitest';
import { sparklineGeometry, trendDirection, trendNoise, TREND_COLORS } from './sparkline';

const at = (value: number | null, low?: number, high?: number) => ({
  value,
  ci: low === undefined || high === undefined ? null : { low, high },
});

describe('trendDirection', () => {
  it('is up when the last epoch is above the first by more than the noise of both intervals', () => {
    // Half-widths 0.06 and 0.08: noise √(0.06² + 0.08²) = 0.10; the change is 0.25.
    expect(trendDirection(at(0.5, 0.44, 0.56), at(0.75, 0.67, 0.83))).toBe('up');
  });

  it('is down (red, never green) when a run collapses below its first epoch', () => {
    expect(trendDirection(at(0.6, 0.54, 0.66), at(0.2, 0.12, 0.28))).toBe('down');
    expect(TREND_COLORS.down).toBe('rose');
    expect(TREND_COLORS.up).toBe('emerald');
  });

  it('is flat when the change is within noise, even a large-looking one', () => {
    // Noise 0.10 (as above); a change of 0.09 is inside it.
    expect(trendDirection(at(0.5, 0.44, 0.56), at(0.59, 0.51, 0.67))).toBe('flat');
    // Wide intervals of 8 questions: ±0.2 each, noise ≈ 0.283; a rise of 0.25 is noise.
    expect(trendDirection(at(0.4, 0.2, 0.6), at(0.65, 0.45, 0.85))).toBe('flat');
  });

  it('calls a change just past the noise a trend, and one exactly at it flat', () => {
    // Half-widths 0.03 and 0.04: noise exactly 0.05.
    expect(trendNoise(at(0.5, 0.47, 0.53), at(0.55, 0.51, 0.59))).toBeCloseTo(0.05, 12);
    expect(trendDirection(at(0.5, 0.47, 0.53), at(0.5625, 0.5225, 0.6025))).toBe('up');
    expect(trendDirection(at(0.5, 0.47, 0.53), at(0.5, 0.46, 0.54))).toBe('flat');
  });

  it('needs half a point at least when the intervals have no width (one question, or equal rates)', () => {
    expect(trendNoise(at(0.5, 0.5, 0.5), at(0.5, 0.5, 0.5))).toBe(0.005);
    expect(trendDirection(at(0.5, 0.5, 0.5), at(0.504, 0.504, 0.504))).toBe('flat');
    expect(trendDirection(at(0.5, 0.5, 0.5), at(0.51, 0.51, 0.51))).toBe('up');
    expect(trendDirection(at(0.5), at(0.49))).toBe('down');
  });

  it('has no trend without two scored epochs', () => {
    expect(trendDirection(null, at(0.5, 0.4, 0.6))).toBe('none');
    expect(trendDirection(at(null), at(0.5, 0.4, 0.6))).toBe('none');
    expect(trendDirection(at(0.5, 0.4, 0.6), null)).toBe('none');
  });
});

describe('sparklineGeometry', () => {
  const box = { width: 104, height: 24, pad: 2 };

  it('places epochs left to right and pass@1 on a fixed 0–100 % scale (0 at the bottom)', () => {
    const { path, points, guides } = sparklineGeometry(
      [
        { epoch: 2, value: 1 },
        { epoch: 0, value: 0 },
        { epoch: 1, value: 0.5 },
      ],
      box,
    );
    // x from 2 to 102 over epochs 0…2; y from 22 (0 %) to 2 (100 %).
    expect(points.map((p) => [p.epoch, p.x, p.y])).toEqual([
      [0, 2, 22],
      [1, 52, 12],
      [2, 102, 2],
    ]);
    expect(path).toBe('M2 22 L52 12 L102 2');
    expect(guides).toEqual([
      { value: 0, y: 22 },
      { value: 0.5, y: 12 },
      { value: 1, y: 2 },
    ]);
  });

  it('spaces points by epoch number and breaks the line at an epoch without a value', () => {
    const { path } = sparklineGeometry(
      [
        { epoch: 0, value: 0.5 },
        { epoch: 1, value: null },
        { epoch: 2, value: 0.5 },
        { epoch: 4, value: 0.25 },
      ],
      box,
    );
    expect(path).toBe('M2 12 M52 12 L102 17');
  });

  it('centres a single epoch, clamps values outside 0–1, and draws nothing without values', () => {
    expect(sparklineGeometry([{ epoch: 3, value: 1.2 }], box).points).toEqual([
      { epoch: 3, value: 1.2, x: 52, y: 2 },
    ]);
    expect(sparklineGeometry([{ epoch: 3, value: null }], box).path).toBe('');
    expect(sparklineGeometry([], box).points).toEqual([]);
  });
});
