import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Table } from '@lancedb/lancedb';
import type { DbConfig } from '../db/connection';
import { openTrajectories } from '../db/connection';

export const FIXTURES = path.join(import.meta.dirname, '__fixtures__');

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

/** The parsed JSON lines of a JSONL fixture. */
export function fixtureRecords(name: string): Record<string, unknown>[] {
  return fs
    .readFileSync(fixturePath(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The tau-bench reference file (`TAU_BENCH_JSONL` overrides the path beside the clone). */
export const TAU_BENCH_JSONL =
  process.env.TAU_BENCH_JSONL ??
  path.resolve(import.meta.dirname, '../../../shared/datasets/tau-bench/tau-bench-gpt-4o-airline.jsonl');

export interface TempDb {
  dir: string;
  config: DbConfig;
  cleanup(): void;
}

/** A LanceDB directory under the OS temp dir; `cleanup()` removes it. */
export function makeTempDb(prefix = 'ingest-test-'): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    config: { uri: dir, readConsistencyInterval: 0 },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function makeTempDir(prefix = 'ingest-files-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export type ReadBackRow = Record<string, unknown>;

/** Every row of the table (selected columns), with list columns as plain arrays and timestamps as numbers. */
export async function readBack(table: Table, columns: string[]): Promise<ReadBackRow[]> {
  const rows = await table.query().select(columns).toArray();
  return rows.map((row: Record<string, unknown>) => {
    const out: ReadBackRow = {};
    for (const column of columns) {
      const value = row[column];
      out[column] =
        value !== null && typeof value === 'object' && Symbol.iterator in value && typeof value !== 'string'
          ? Array.from(value as Iterable<unknown>)
          : value;
    }
    return out;
  });
}

/** The trajectories table of a config; fails when it does not exist. */
export async function openTable(config: DbConfig): Promise<Table> {
  const table = await openTrajectories(config);
  if (!table) throw new Error(`no trajectories table at ${config.uri}`);
  return table;
}
