import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ingestWorkerCount, MAX_INGEST_WORKERS } from './pool';

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe('ingestWorkerCount', () => {
  it('takes INGEST_WORKERS when set, 0 meaning none', () => {
    expect(ingestWorkerCount(env({ INGEST_WORKERS: '0' }))).toBe(0);
    expect(ingestWorkerCount(env({ INGEST_WORKERS: ' 3 ' }))).toBe(3);
  });

  it('defaults to the cores but one, at most MAX_INGEST_WORKERS', () => {
    expect(ingestWorkerCount(env({}))).toBe(Math.min(MAX_INGEST_WORKERS, os.availableParallelism() - 1));
  });

  it('names the variable and the range for a bad value', () => {
    for (const bad of ['-1', '1.5', 'many', String(MAX_INGEST_WORKERS + 1)])
      expect(() => ingestWorkerCount(env({ INGEST_WORKERS: bad }))).toThrow(
        `INGEST_WORKERS must be an integer from 0 to ${MAX_INGEST_WORKERS}, got "${bad}"`,
      );
  });
});
