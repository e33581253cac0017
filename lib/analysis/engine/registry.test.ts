import { describe, expect, it } from 'vitest';
import { columnBudgetFromEnv } from './registry';

describe('COLUMN_CACHE_MB', () => {
  it('defaults to 2048 MB and reads megabytes', () => {
    expect(columnBudgetFromEnv({})).toBe(2048 * 1024 * 1024);
    expect(columnBudgetFromEnv({ COLUMN_CACHE_MB: '64' })).toBe(64 * 1024 * 1024);
    expect(columnBudgetFromEnv({ COLUMN_CACHE_MB: '0' })).toBe(0);
  });

  it('rejects a value that is not a number of megabytes, naming the variable', () => {
    expect(() => columnBudgetFromEnv({ COLUMN_CACHE_MB: 'lots' })).toThrow(/COLUMN_CACHE_MB/);
    expect(() => columnBudgetFromEnv({ COLUMN_CACHE_MB: '-1' })).toThrow(/COLUMN_CACHE_MB/);
  });
});
