import { createLoader } from 'nuqs/server';
import { describe, expect, it } from 'vitest';
import { filterParsers } from '@/lib/search-params';
import { filterChips, parseNumberInput, withSelected } from './filters';

const load = createLoader(filterParsers);

describe('filterChips', () => {
  it('gives one chip per value, removing only that value', () => {
    const chips = filterChips(
      load('?termination_reason=timeout,error&reward_min=0.5&tool_failed=any&q=hello'),
    );
    expect(chips.map((c) => [c.key, c.value, c.label])).toEqual([
      ['reward_min', '0.5', 'reward ≥ 0.5'],
      ['termination_reason', 'timeout', 'termination: timeout'],
      ['termination_reason', 'error', 'termination: error'],
      ['tool_failed', 'any', 'tool failed: any tool'],
      ['q', 'hello', 'search: “hello”'],
    ]);
    expect(chips[1].remove).toEqual({ termination_reason: ['error'] });
    expect(chips[0].remove).toEqual({ reward_min: null });
  });
  it('removes the parameter with its last value', () => {
    expect(filterChips(load('?tools_none=python'))[0].remove).toEqual({ tools_none: null });
  });
  it('shows chips for zero values', () => {
    expect(filterChips(load('?reward_max=0&epoch_id=0')).map((c) => c.label)).toEqual([
      'epoch 0',
      'reward ≤ 0',
    ]);
  });
  it('has no chips without filters', () => {
    expect(filterChips(load(''))).toEqual([]);
  });
});

describe('withSelected', () => {
  it('keeps selected values the options lack', () => {
    expect(withSelected(['a', 'b'], ['c', 'a'])).toEqual(['a', 'b', 'c']);
    expect(withSelected([1, 2], 5)).toEqual([1, 2, 5]);
    expect(withSelected(['a'], null)).toEqual(['a']);
  });
});

describe('parseNumberInput', () => {
  it('reads numbers and treats empty or bad text as no value', () => {
    expect(parseNumberInput(' 0.5 ')).toBe(0.5);
    expect(parseNumberInput('-1')).toBe(-1);
    expect(parseNumberInput('0')).toBe(0);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('abc')).toBeNull();
  });
});
