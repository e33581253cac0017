import type { Table } from '@lancedb/lancedb';
import { dbConfigFromEnv, openTrajectories, type DbConfig } from '../db';
import { ResultCache } from './cache';

/** Where a statistic reads from: the table (null when the database is still empty) and its version. */
export interface Source {
  table: Table | null;
  version: number;
  /** Identifies the database, so two databases never share cache entries. */
  uri: string;
}

export async function openSource(config: DbConfig = dbConfigFromEnv()): Promise<Source> {
  const table = await openTrajectories(config);
  return { table, version: table ? await table.version() : 0, uri: config.uri };
}

const cache = new ResultCache(Number(process.env.ANALYSIS_CACHE_ENTRIES ?? 500));

/** Memoises one computation per (database, table version, stat, normalised query). */
export function cached<T>(
  source: Source,
  stat: string,
  query: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const key = `${source.uri}\u0000${source.version}\u0000${stat}\u0000${stableStringify(query)}`;
  return cache.getOrCompute(key, compute);
}

export function clearResultCache(): void {
  cache.clear();
}

/** JSON with sorted keys, so {a, b} and {b, a} are the same query. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
