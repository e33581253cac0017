// Only the server opens the database. Scripts that load this module under tsx run with `--conditions=react-server`.
import 'server-only';
import type { Table } from '@lancedb/lancedb';
import { dbConfigFromEnv, openTrajectories, type DbConfig } from '../db';
import { annotationsConfigFor, annotationsVersion } from '../annotations/store';
import { ResultCache } from './cache';
import type { ColumnEngine } from './engine/engine';
import { columnBudgetFromEnv, columnEngine, shareBudget } from './engine/registry';
import type { ResidentColumns } from './engine/resident';

/** Where a statistic reads from: the table (null when the database is still empty) and its version. */
export interface Source {
  table: Table | null;
  /** The table version the figures are of. */
  version: number;
  /** Identifies the database, so two databases never share cache entries. */
  uri: string;
  /** The small columns of `version` held in memory, when they are (figures then never re-scan LanceDB). */
  resident?: { engine: ColumnEngine; columns: ResidentColumns };
  /**
   * Set when `version` is older than the table's latest: changed rows are being reloaded, and for at most
   * LANCEDB_READ_CONSISTENCY_SECONDS the previous version answers, labelled with this.
   */
  stale?: { latest_version: number; since: string };
}

export interface SourceOptions {
  /** Memory for resident columns (default COLUMN_CACHE_MB); 0 answers every figure with pushed-down scans. */
  columnCacheBytes?: number;
}

export async function openSource(
  config: DbConfig = dbConfigFromEnv(),
  { columnCacheBytes = columnBudgetFromEnv() }: SourceOptions = {},
): Promise<Source> {
  const table = await openTrajectories(config);
  if (!table) return { table, version: 0, uri: config.uri };
  const latest = await table.version();
  if (columnCacheBytes <= 0) return { table, version: latest, uri: config.uri };
  const engine = columnEngine(config, columnCacheBytes);
  const view = await engine.view(latest);
  if (!view) return { table, version: latest, uri: config.uri };
  shareBudget(engine, columnCacheBytes);
  return {
    table,
    version: view.columns.version,
    uri: config.uri,
    resident: { engine, columns: view.columns },
    ...(view.stale && {
      stale: { latest_version: view.stale.latestVersion, since: view.stale.since.toISOString() },
    }),
  };
}

const cache = new ResultCache(Number(process.env.ANALYSIS_CACHE_ENTRIES ?? 500));

/** A source answering from given resident columns (a version being prepared before it is served). */
export async function sourceOf(
  config: DbConfig,
  engine: ColumnEngine,
  columns: ResidentColumns,
): Promise<Source> {
  return {
    table: await openTrajectories(config),
    version: columns.version,
    uri: config.uri,
    resident: { engine, columns },
  };
}

/**
 * Memoises one computation per (database, table version, stat, normalised query). A query holding a `label` filter
 * (as `label` or `filters.label`) is also keyed by the notes table's version: a new note changes its answer at once.
 */
export function cached<T>(
  source: Source,
  stat: string,
  query: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const key = `${source.uri}\u0000${source.version}\u0000${stat}\u0000${stableStringify(query)}`;
  if (!holdsLabel(query)) return cache.getOrCompute(key, compute);
  return annotationsVersion(annotationsConfigFor(source.uri)).then((notes) =>
    cache.getOrCompute(`${key}\u0000notes ${notes}`, compute),
  );
}

/** Whether a cache query holds a `label` filter, directly or in its `filters`. */
function holdsLabel(query: unknown): boolean {
  if (!query || typeof query !== 'object') return false;
  const { label, filters } = query as { label?: unknown; filters?: { label?: unknown } };
  return Array.isArray(label) ? label.length > 0 : Array.isArray(filters?.label) && filters.label.length > 0;
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
