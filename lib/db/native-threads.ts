import os from 'node:os';

/**
 * LanceDB's native CPU pool defaults to one thread per core. On a 2-core machine, building a full-text index over
 * more than a few tens of thousands of rows then waits forever with no CPU used (reproduced with LanceDB 0.31: 20,000
 * rows index in 4 s, 40,000 never finish; with three or more threads 40,000 take 1.5 s and 150,000 take 9 s). Ingest
 * updates that index after every load, which is how a million-row ingest once hung after writing all its rows.
 * Imported before LanceDB is first used; an explicit LANCE_CPU_THREADS is left alone.
 */
export const MIN_NATIVE_CPU_THREADS = 4;

process.env.LANCE_CPU_THREADS ??= String(Math.max(MIN_NATIVE_CPU_THREADS, os.availableParallelism()));
