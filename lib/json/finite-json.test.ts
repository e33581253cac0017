import { describe, expect, it } from 'vitest';
import { finiteJson, NonFiniteFigureError } from './finite-json';

describe('finiteJson', () => {
  it('writes finite answers as JSON.stringify does', () => {
    const body = { a: 1, b: [0.5, null, { c: -2 }], d: 'x' };
    expect(finiteJson(body)).toBe(JSON.stringify(body));
  });

  it('names the place of an overflowed figure instead of writing null', () => {
    const body = { epochs: [{ avg_reward: 1 }, { avg_reward_ci: { low: 1e308, high: 1e308 * 10 } }] };
    expect(() => finiteJson(body)).toThrow(NonFiniteFigureError);
    expect(() => finiteJson(body)).toThrow(
      /^the figure epochs\[1\]\.avg_reward_ci\.high is not a finite number/,
    );
    expect(() => finiteJson({ mean: NaN })).toThrow(/the figure mean /);
  });
});
