import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCorrelation,
  formatInteger,
  formatPercent,
  formatPercentPoints,
  formatPValue,
  formatReward,
  formatRewardWithCI,
  formatValue,
} from './format';

describe('formatPercent', () => {
  it('prints ratios as percentages', () => {
    expect(formatPercent(0.4213)).toBe('42.1%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });
  it('prints n/a for missing values', () => {
    expect(formatPercent(null)).toBe('n/a');
    expect(formatPercent(undefined)).toBe('n/a');
    expect(formatPercent(Number.NaN)).toBe('n/a');
  });
});

describe('formatReward', () => {
  it('uses three decimals and never prints -0.000', () => {
    expect(formatReward(0.42)).toBe('0.420');
    expect(formatReward(-0.5)).toBe('-0.500');
    expect(formatReward(-0.0001)).toBe('0.000');
    expect(formatReward(null)).toBe('n/a');
  });
  it('appends the confidence interval when there is one', () => {
    expect(formatRewardWithCI(0.42, { low: 0.35, high: 0.49 })).toBe('0.420 [0.350, 0.490]');
    expect(formatRewardWithCI(0.42, null)).toBe('0.420');
    expect(formatRewardWithCI(null, { low: 0, high: 1 })).toBe('n/a');
  });
});

describe('formatPercentPoints', () => {
  it('signs differences', () => {
    expect(formatPercentPoints(0.052)).toBe('+5.2 pp');
    expect(formatPercentPoints(-0.1)).toBe('-10.0 pp');
    expect(formatPercentPoints(0)).toBe('0.0 pp');
    expect(formatPercentPoints(-0.00001)).toBe('0.0 pp');
    expect(formatPercentPoints(null)).toBe('n/a');
  });
});

describe('formatPValue', () => {
  it('collapses tiny p-values', () => {
    expect(formatPValue(1e-12)).toBe('< 0.001');
    expect(formatPValue(0)).toBe('< 0.001');
    expect(formatPValue(0.001)).toBe('0.001');
    expect(formatPValue(0.0234)).toBe('0.023');
    expect(formatPValue(1)).toBe('1.000');
    expect(formatPValue(null)).toBe('n/a');
  });
});

describe('formatCorrelation', () => {
  it('keeps the sign', () => {
    expect(formatCorrelation(0.41234)).toBe('0.412');
    expect(formatCorrelation(-0.05)).toBe('-0.050');
    expect(formatCorrelation(null)).toBe('n/a');
  });
});

describe('formatInteger', () => {
  it('groups thousands', () => {
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(12345)).toBe('12,345');
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatInteger(-4200)).toBe('-4,200');
    expect(formatInteger(null)).toBe('n/a');
  });
});

describe('formatCompact', () => {
  it('abbreviates large counts', () => {
    expect(formatCompact(0)).toBe('0');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1000)).toBe('1k');
    expect(formatCompact(1234)).toBe('1.2k');
    expect(formatCompact(12345)).toBe('12k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatCompact(3_000_000_000)).toBe('3B');
    expect(formatCompact(-1500)).toBe('-1.5k');
  });
  it('moves to the next unit instead of printing 1000k', () => {
    expect(formatCompact(999_600)).toBe('1M');
  });
  it('prints n/a for missing values', () => {
    expect(formatCompact(null)).toBe('n/a');
  });
});

describe('formatValue', () => {
  it('dispatches on the format name', () => {
    expect(formatValue('percent', 0.5)).toBe('50.0%');
    expect(formatValue('reward', 0.5)).toBe('0.500');
    expect(formatValue('count', 1500)).toBe('1,500');
    expect(formatValue('count', null)).toBe('n/a');
  });
});
