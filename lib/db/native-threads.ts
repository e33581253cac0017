import os from 'node:os';

/**
 * LanceDB sizes its native CPU pool from the core count. On a 2-core machine the default pool builds a full-text
 * index over more than a few tens of thousands of rows by waiting forever with no CPU used (reproduced with LanceDB
 * 0.31: 20,000 rows index in 4 s, 40,000 never finish; `LANCE_CPU_THREADS=1` hangs the same way, while 2 threads take
 * 6 s, 3 threads 1.5 s, and 4 threads index 150,000 rows in 9 s). Ingest updates that index after every load, which is
 * how a million-row ingest once hung after writing all its rows. Imported before LanceDB is first used; an explicit
 * LANCE_CPU_THREADS is left alone.
 */
export const MIN_NATIVE_CPU_THREADS = 4;

process.env.LANCE_CPU_THREADS ??= String(Math.max(MIN_NATIVE_CPU_THREADS, os.availableParallelism()));

/**
 * Megabytes of postings a full-text index build holds per partition before writing it out. LanceDB's default let the
 * `question` index of ten million rows peak at 1,110 MB; at 64 it peaked at 511 MB in the same time (28 s, measured
 * on the ten-million-row benchmark table). An explicit LANCE_FTS_PARTITION_SIZE is left alone.
 */
export const FTS_PARTITION_MB = 64;

process.env.LANCE_FTS_PARTITION_SIZE ??= String(FTS_PARTITION_MB);
