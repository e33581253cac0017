import { getTickValuesFixedDomain } from 'recharts-scale';
import { describe, expect, it } from 'vitest';
import {
  AXIS_TICK_COUNT,
  axisFormatter,
  fitStackedRows,
  niceScale,
  padRange,
  seriesRange,
  tickDigits,
  valueAxis,
} from './axis-ticks';
import type { ChartSeries } from './types';

const series = (rows: ChartSeries['rows'], categories = ['a', 'b']): ChartSeries => ({
  index: 'epoch',
  categories,
  colors: categories.map(() => 'blue' as const),
  rows,
});

describe('niceScale', () => {
  it('gives quarters for rates spanning 0..1', () => {
    expect(niceScale(0, 0.93)).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('gives tenths for rewards between 0.21 and 0.58', () => {
    // span 0.37 / 4 = 0.0925 → step 0.1; start floor(0.21 / 0.1) · 0.1 = 0.2; end 0.2 + 0.4 = 0.6 ≥ 0.58
    expect(niceScale(0.21, 0.58)).toEqual({ min: 0.2, max: 0.6, ticks: [0.2, 0.3, 0.4, 0.5, 0.6] });
  });

  it('takes the next step up when the first one starting at a multiple falls short', () => {
    // span 0.36 / 4 = 0.09 → 0.1 from 0.2 ends at 0.6 < 0.61; 0.2 from 0.2 ends at 1.0
    expect(niceScale(0.25, 0.61)).toEqual({ min: 0.2, max: 1, ticks: [0.2, 0.4, 0.6, 0.8, 1] });
  });

  it('handles small rates, large counts and negative rewards', () => {
    expect(niceScale(0, 0.07).ticks).toEqual([0, 0.02, 0.04, 0.06, 0.08]);
    expect(niceScale(0, 0.09).ticks).toEqual([0, 0.025, 0.05, 0.075, 0.1]);
    expect(niceScale(0, 3456).ticks).toEqual([0, 1000, 2000, 3000, 4000]);
    // 0.75 / 4 → 0.2 from -0.4 ends at 0.4 < 0.45; 0.25 from -0.5 ends at 0.5
    expect(niceScale(-0.3, 0.45).ticks).toEqual([-0.5, -0.25, 0, 0.25, 0.5]);
    // 9.6 / 4 = 2.4 → 5 (no 2.5 step at or above 1) from -5 ends at 15
    expect(niceScale(-2.5, 7.1).ticks).toEqual([-5, 0, 5, 10, 15]);
  });

  it('widens a single value into a range around it', () => {
    // width 0.42 · 0.2 = 0.084 over 4 steps → 0.025; from 0.378: start 0.375, end 0.475 ≥ 0.462
    expect(niceScale(0.42, 0.42).ticks).toEqual([0.375, 0.4, 0.425, 0.45, 0.475]);
    expect(niceScale(0, 0).ticks).toEqual([-0.5, -0.25, 0, 0.25, 0.5]);
  });

  it('is exactly what the chart library draws for the domain it gets', () => {
    const random = (i: number) => (((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1;
    const ranges: [number, number][] = Array.from({ length: 300 }, (_, i) => {
      const scale = 10 ** Math.floor(random(2 * i) * 8 - 4);
      const a = (random(2 * i + 1) - 0.3) * scale;
      const b = a + random(3 * i + 7) * scale;
      return [a, b];
    });
    ranges.push([0, 1], [0.21, 0.58], [0, 0.09], [0.013, 0.0171], [-2.5, 7.1], [3, 17_000], [0.6, 0.99]);
    for (const [low, high] of ranges) {
      const { min, max, ticks } = niceScale(low, high);
      expect(min).toBeLessThanOrEqual(low);
      expect(max).toBeGreaterThanOrEqual(high);
      expect(getTickValuesFixedDomain([min, max], AXIS_TICK_COUNT, true).map(Number)).toEqual(ticks);
    }
  });

  it('rejects a reversed or infinite range', () => {
    expect(() => niceScale(1, 0)).toThrow(/bad range/);
    expect(() => niceScale(0, Infinity)).toThrow(/bad range/);
  });
});

describe('seriesRange', () => {
  it('spans the drawn categories only, skipping nulls', () => {
    expect(
      seriesRange(
        series([
          { epoch: 1, a: 0.4, b: null, c: 9 },
          { epoch: 2, a: 0.2, b: 0.7 },
        ]),
      ),
    ).toEqual([0.2, 0.7]);
    expect(seriesRange(series([{ epoch: 1, a: null, b: null }]))).toBeNull();
  });
});

describe('valueAxis', () => {
  it('starts rates at zero and stops at 100 %', () => {
    expect(valueAxis(series([{ epoch: 1, a: 0.55, b: 0.81 }]), 'percent')!.ticks).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
    expect(valueAxis(series([{ epoch: 1, a: 0.12, b: 0.31 }]), 'percent')!.ticks).toEqual([
      0, 0.1, 0.2, 0.3, 0.4,
    ]);
  });

  it('draws a rate that is 0 everywhere on a 0..100 % axis', () => {
    expect(valueAxis(series([{ epoch: 1, a: 0, b: 0 }]), 'percent')!.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('fits rewards to their data unless told to start at zero', () => {
    const rewards = series([
      { epoch: 1, a: 0.23, b: null },
      { epoch: 2, a: 0.47, b: null },
    ]);
    expect(valueAxis(rewards, 'reward')!.ticks).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    // 0.47 / 4 = 0.1175 → 0.2
    expect(valueAxis(rewards, 'reward', { fromZero: true })!.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('reaches the row totals of stacked bars', () => {
    const stacked = series([
      { epoch: 1, a: 0.6, b: 0.4 },
      { epoch: 2, a: 0.5, b: 0.5 },
    ]);
    expect(valueAxis(stacked, 'percent', { stacked: true })!.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // seven reasons' shares of 960 trajectories whose floating-point sum is 1.0000000000000002 still stop at 100 %
    const counts = [398, 9, 14, 142, 133, 1, 263];
    const reasons = counts.map((_, i) => `r${i}`);
    const shares = series(
      [Object.fromEntries([['epoch', 1], ...counts.map((c, i) => [reasons[i], c / 960])])],
      reasons,
    );
    expect(counts.reduce((sum, c) => sum + c / 960, 0)).toBeGreaterThan(1);
    expect(valueAxis(shares, 'percent', { stacked: true })!.max).toBe(1);
    expect(valueAxis(series([{ epoch: 1, a: 30, b: 45 }]), 'count', { stacked: true })!.max).toBe(80);
  });

  it('is null when there is nothing to draw', () => {
    expect(valueAxis(series([]), 'percent')).toBeNull();
  });
});

describe('fitStackedRows', () => {
  // seven reasons' shares of 960 trajectories: added up in order they make 1.0000000000000002
  const counts = [398, 9, 14, 142, 133, 1, 263];
  const reasons = counts.map((_, i) => `r${i}`);
  const row = Object.fromEntries([['epoch', 1], ...counts.map((c, i) => [reasons[i], c / 960])]);
  const runningTotal = (r: Record<string, unknown>) => reasons.reduce((sum, c) => sum + (r[c] as number), 0);

  it('brings a row whose running total passes the axis end back onto it, by a few 1e-16 off the last share', () => {
    expect(runningTotal(row)).toBeGreaterThan(1);
    const [fitted] = fitStackedRows(series([row], reasons), 1).rows;
    expect(runningTotal(fitted)).toBeLessThanOrEqual(1);
    expect(Math.abs((fitted.r6 as number) - 263 / 960)).toBeLessThan(1e-15);
    expect(fitted.r0).toBe(398 / 960);
  });

  it('leaves rows within the axis untouched', () => {
    const within = series([{ epoch: 1, a: 0.5, b: 0.25 }]);
    expect(fitStackedRows(within, 1).rows[0]).toBe(within.rows[0]);
  });
});

describe('honest value axes', () => {
  const rewards = series([
    { epoch: 0, a: 0.5612, b: 0.5616 },
    { epoch: 1, a: 0.5613, b: 0.5615 },
  ]);

  it('never stretches a gap of 0.0004 between rewards near 0.56 to the full height', () => {
    // least span 5 % of 0.5616 = 0.02808 about the middle 0.5614: [0.54736, 0.57544]; 0.00702 a step → 0.01 from 0.54
    const axis = valueAxis(rewards, 'reward')!;
    expect(axis).toEqual({ min: 0.54, max: 0.58, ticks: [0.54, 0.55, 0.56, 0.57, 0.58] });
    expect(axis.max - axis.min).toBeGreaterThanOrEqual(0.05 * 0.5616);
    const format = axisFormatter('reward', axis);
    expect(axis.ticks.map(format)).toEqual(['0.540', '0.550', '0.560', '0.570', '0.580']);
  });

  it('spans at least the mean interval width it is given', () => {
    // 0.1 about 0.5614: [0.5114, 0.6114]; 0.025 from 0.5 ends at 0.6, short; 0.05 from 0.5 ends at 0.7
    expect(valueAxis(rewards, 'reward', { minSpan: 0.1 })!.ticks).toEqual([0.5, 0.55, 0.6, 0.65, 0.7]);
  });

  it('keeps a span that is already wide enough as it is', () => {
    const wide = series([{ epoch: 0, a: 0.2, b: 0.6 }]);
    expect(valueAxis(wide, 'reward', { minSpan: 0.1 })).toEqual(niceScale(0.2, 0.6));
  });

  it('starts rates at 0 and ends them at 100 % or a round value above the largest, however close they are', () => {
    const close = series([{ epoch: 0, a: 0.5612, b: 0.5616 }]);
    // 0.5616 / 4 = 0.1404 → 0.2 from 0 ends at 0.8
    expect(valueAxis(close, 'percent')!.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(valueAxis(series([{ epoch: 0, a: 0.93, b: 0.95 }]), 'percent')!.ticks).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
    expect(valueAxis(series([{ epoch: 0, a: 0.0012, b: 0.0016 }]), 'percent')!.ticks).toEqual([
      0, 0.0005, 0.001, 0.0015, 0.002,
    ]);
  });

  it('steps counts by whole numbers', () => {
    expect(valueAxis(series([{ epoch: 0, a: 1, b: 0 }]), 'count')!.ticks).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('padRange', () => {
  it('widens about the middle', () => {
    const [low, high] = padRange(-0.01, 0.01, 0.1);
    expect(low).toBeCloseTo(-0.05, 12);
    expect(high).toBeCloseTo(0.05, 12);
  });

  it('does not cross zero when every value lies on one side of it', () => {
    expect(padRange(0.001, 0.002, 0.1)).toEqual([0, 0.1]);
    expect(padRange(-0.002, -0.001, 0.1)).toEqual([-0.1, 0]);
  });

  it('leaves a wide enough range alone', () => {
    expect(padRange(0.2, 0.6, 0.1)).toEqual([0.2, 0.6]);
  });
});

describe('tick labels', () => {
  it('take the decimals that tell the ticks apart, and no more', () => {
    expect(tickDigits('reward', [0.5612, 0.5613, 0.5614, 0.5615, 0.5616])).toBe(4);
    expect(tickDigits('reward', [0.2, 0.3, 0.4, 0.5, 0.6])).toBe(3);
    // 0.05 % steps: one decimal reads 0.0 %, 0.1 %, 0.1 %, …
    expect(tickDigits('percent', [0, 0.0005, 0.001, 0.0015, 0.002])).toBe(2);
    expect(tickDigits('percent', [0, 0.25, 0.5, 0.75, 1])).toBe(1);
    expect(tickDigits('count', [0, 1000, 2000, 3000, 4000])).toBe(0);
  });

  it('are distinct at every scale', () => {
    const random = (i: number) => (((Math.sin(i * 78.233) * 43758.5453) % 1) + 1) % 1;
    let checked = 0;
    for (let i = 0; i < 200; i++) {
      const scale = 10 ** Math.floor(random(2 * i) * 10 - 6);
      const a = random(2 * i + 1) * scale;
      const b = a + random(3 * i + 5) * scale * 0.001;
      for (const format of ['reward', 'percent', 'count'] as const) {
        const axis = valueAxis(series([{ epoch: 0, a, b }]), format)!;
        const labels = axis.ticks.map(axisFormatter(format, axis));
        expect(new Set(labels).size, `${format} ${labels.join(' ')}`).toBe(labels.length);
        checked++;
      }
    }
    expect(checked).toBe(600);
  });

  it('print the usual way when there is no axis', () => {
    expect(axisFormatter('reward', null)(0.42)).toBe('0.420');
    expect(axisFormatter('percent', null)(0.42)).toBe('42.0%');
  });
});
