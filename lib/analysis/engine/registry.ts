import '../../db/native-threads';
import * as lancedb from '@lancedb/lancedb';
import { connect, TABLE_NAME, type DbConfig } from '../../db';
import { ColumnEngine } from './engine';
import type { ResidentColumns } from './resident';

/** Prepares a new version of a database's resident columns before it answers (set by the stat layer). */
export type VersionPreparer = (
  config: DbConfig,
  engine: ColumnEngine,
  columns: ResidentColumns,
) => Promise<void>;

let preparer: VersionPreparer | null = null;

/** Sets what every engine does to a new version before switching to it (lib/analysis/stat.ts sets it). */
export function prepareVersionsWith(prepare: VersionPreparer): void {
  preparer = prepare;
}

/** Default of COLUMN_CACHE_MB: the most memory resident columns may take in this process. */
export const DEFAULT_COLUMN_CACHE_MB = 2048;

/** COLUMN_CACHE_MB in bytes (0 turns resident columns off); a bad value names the variable. */
export function columnBudgetFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.COLUMN_CACHE_MB;
  if (raw === undefined || raw === '') return DEFAULT_COLUMN_CACHE_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb < 0)
    throw new Error(`COLUMN_CACHE_MB must be a number of megabytes ≥ 0, got "${raw}"`);
  return mb * 1024 * 1024;
}

interface Entry {
  engine: ColumnEngine;
  budgetBytes: number;
  usedAt: number;
}

const engines = new Map<string, Entry>();

/** Its own table handle: the engine checks out exact versions, which must not move the handle requests share. */
async function openHandle(config: DbConfig): Promise<lancedb.Table> {
  return (await connect(config)).openTable(TABLE_NAME);
}

/** The column engine of a database (one per process and configuration). */
export function columnEngine(config: DbConfig, budgetBytes: number): ColumnEngine {
  const key = `${JSON.stringify(config)}\u0000${budgetBytes}`;
  let entry = engines.get(key);
  if (!entry) {
    const engine: ColumnEngine = new ColumnEngine(() => openHandle(config), {
      budgetBytes,
      staleMs: config.readConsistencyInterval * 1000,
      prepare: async (columns) => preparer?.(config, engine, columns),
    });
    entry = { engine, budgetBytes, usedAt: 0 };
    engines.set(key, entry);
  }
  entry.usedAt = performance.now();
  return entry.engine;
}

/** Drops the least recently used databases' columns until all of them together fit the budget of `engine`. */
export function shareBudget(engine: ColumnEngine, budgetBytes: number): void {
  const held = [...engines.values()].filter((e) => e.engine.resident);
  let total = held.reduce((sum, e) => sum + e.engine.resident!.bytes, 0);
  held.sort((a, b) => a.usedAt - b.usedAt);
  for (const entry of held) {
    if (total <= budgetBytes) break;
    if (entry.engine === engine) continue;
    total -= entry.engine.resident!.bytes;
    entry.engine.evict();
  }
}
