import { describe, expect, it } from 'vitest';
import { ResultCache } from './cache';
import { stableStringify } from './source';

describe('ResultCache', () => {
  it('computes a key once, even for concurrent callers', async () => {
    const cache = new ResultCache(10);
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([cache.getOrCompute('k', compute), cache.getOrCompute('k', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
  });

  it('evicts the least recently used entry past its bound', async () => {
    const cache = new ResultCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.getOrCompute('a', compute); // 1
    await cache.getOrCompute('b', compute); // 2
    await cache.getOrCompute('a', compute); // hit: a is now the most recent
    await cache.getOrCompute('c', compute); // 3, evicts b
    expect(await cache.getOrCompute('a', compute)).toBe(1);
    expect(await cache.getOrCompute('b', compute)).toBe(4);
  });

  it('does not keep failures', async () => {
    const cache = new ResultCache(2);
    await expect(cache.getOrCompute('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await cache.getOrCompute('x', async () => 7)).toBe(7);
  });
});

describe('stableStringify', () => {
  it('is the same for the same query in any key order, and drops undefined', () => {
    expect(stableStringify({ b: [1, { d: 1, c: 2 }], a: 'x', z: undefined })).toBe(
      stableStringify({ a: 'x', b: [1, { c: 2, d: 1 }] }),
    );
    expect(stableStringify({ a: 1 })).not.toBe(stableStringify({ a: '1' }));
  });
});
