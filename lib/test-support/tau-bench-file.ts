import path from 'node:path';

/** The real tau-bench file kept in test-data/ (`TAU_BENCH_JSONL` overrides the path). */
export const TAU_BENCH_FILE =
  process.env.TAU_BENCH_JSONL ??
  path.resolve(import.meta.dirname, '../../test-data/tau-bench/tau-bench-gpt-4o-airline.jsonl');
