import fs from 'node:fs';
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
