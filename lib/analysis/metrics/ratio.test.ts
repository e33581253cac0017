import { describe, expect, it } from 'vitest';
import { countsToRatios } from './ratio';

describe('countsToRatios', () => {
  it('divides each count by the total', () => {
    expect(countsToRatios({ a: 1, b: 3 })).toEqual({
      a: { count: 1, ratio: 0.25 },
      b: { count: 3, ratio: 0.75 },
    });
    expect(countsToRatios({ only: 7 })).toEqual({ only: { count: 7, ratio: 1 } });
  });

  it('keeps zero counts with ratio 0', () => {
    expect(countsToRatios({ a: 0, b: 2 })).toEqual({ a: { count: 0, ratio: 0 }, b: { count: 2, ratio: 1 } });
  });

  it('gives ratio 0 (not NaN) when the total is 0', () => {
    expect(countsToRatios({ a: 0, b: 0 })).toEqual({ a: { count: 0, ratio: 0 }, b: { count: 0, ratio: 0 } });
    expect(countsToRatios({})).toEqual({});
  });

  it('ratios sum to 1 for a non-empty total', () => {
    const out = countsToRatios({ x: 1, y: 2, z: 4 });
    expect(out.x.ratio + out.y.ratio + out.z.ratio).toBeCloseTo(1, 12);
    expect(out.y.ratio).toBeCloseTo(2 / 7, 12);
  });

  it('rejects negative or non-finite counts', () => {
    expect(() => countsToRatios({ a: -1 })).toThrow(RangeError);
    expect(() => countsToRatios({ a: Number.NaN })).toThrow(RangeError);
    expect(() => countsToRatios({ a: Infinity })).toThrow(RangeError);
  });
});
