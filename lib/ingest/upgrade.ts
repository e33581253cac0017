import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from '@lancedb/lancedb';
import type { ColumnsWith } from '../db/columns';
import {
  dbConfigFromEnv,
  openTrajectoriesAsStored,
  upgradableColumns,
  type DbConfig,
} from '../db/connection';
import { ensureIndexes } from '../db/indexes';
import { TABLE_NAME, type Step } from '../db/schema';
import { withWriteLock, type WriteLockOptions } from '../db/write-lock';
import { tableFields } from './arrow-batch';
import {
  characterCount,
  deriveColumns,
  finalAnswer,
  finalAnswerFingerprint,
  longestRepeatedCallRun,
  repeatedNgramShare,
  stepText,
} from './derive';

/** Rows filled per commit: each batch is one merge, so a crash loses at most the batch being written. */
export const UPGRADE_BATCH = 5_000;

/** The derived columns declared after the first tables were written: an upgrade fills them from the stored steps. */
type FilledColumn = ColumnsWith<{ derived: [true]; addedLater: [true] }>;

interface Fill {
  /** The column's value computed from the stored steps. */
  value: (steps: Step[]) => unknown;
  /**
   * The column whose null says a row is not filled yet: the column itself when its value is never null, else one
   * added with it that is never null (a row without a final answer keeps a null `final_answer_chars` once filled).
   */
  unfilledWhileNull?: FilledColumn;
}

/** The trimmed final answer's length, null without one (`final_answer_chars`). */
function finalAnswerChars(steps: Step[]): number | null {
  const answer = finalAnswer(steps);
  return answer === null ? null : characterCount(answer);
}

/** The final answer's repeated 4-gram share, null without one (`final_repeat_share`). */
function finalRepeatShare(steps: Step[]): number | null {
  const answer = finalAnswer(steps);
  return answer === null ? null : repeatedNgramShare(answer);
}

/** How each derived column added later is filled from the stored steps (the compiler asks for every one). */
const FILL: Record<FilledColumn, Fill> = {
  step_text: { value: stepText },
  turn_count: { value: (steps) => steps.length },
  error_fingerprints: { value: (steps) => deriveColumns(steps).error_fingerprints },
  repeated_call_run: { value: longestRepeatedCallRun },
  final_answer_chars: { value: finalAnswerChars, unfilledWhileNull: 'repeated_call_run' },
  final_repeat_share: { value: finalRepeatShare, unfilledWhileNull: 'repeated_call_run' },
  final_answer_fingerprint: { value: (steps) => finalAnswerFingerprint(finalAnswer(steps)) },
};

const FILLED = Object.keys(FILL) as FilledColumn[];

/** The column whose null marks `column` unfilled. */
function nullWhileUnfilled(column: FilledColumn): FilledColumn {
  return FILL[column].unfilledWhileNull ?? column;
}

export interface UpgradeReport {
  /** Columns added to the table by this run. */
  added: string[];
  /** Columns this run made nullable. */
  relaxed: string[];
  /** Rows whose derived columns this run filled. */
  filled: number;
  /** Full-text indexes dropped because they index a column `q` no longer searches. */
  droppedIndexes: string[];
}

export interface UpgradeOptions {
  batch?: number;
  /**
   * Look for unfilled rows in every table, not only where an upgrade left its marker (`npm run upgrade`): a scan of
   * the derived columns, seconds per million rows, which the ingest must not pay on every run.
   */
  scanForUnfilled?: boolean;
  lock?: WriteLockOptions;
  /** Called after each committed batch with the rows filled so far (progress, and a seam for crash tests). */
  onBatch?: (filled: number) => void | Promise<void>;
}

function parsedSteps(json: unknown): Step[] {
  try {
    const steps = JSON.parse(String(json));
    return Array.isArray(steps) ? steps : [];
  } catch {
    return [];
  }
}

/**
 * The columns (of `FILL`) a table has but has not filled in every row (their `nullWhileUnfilled` holds nulls): added
 * by an upgrade that stopped before it finished, or left null by a writer that does not derive them.
 */
async function unfilled(table: Table): Promise<FilledColumn[]> {
  const present = new Set((await table.schema()).fields.map((field) => field.name));
  const columns = FILLED.filter((column) => present.has(column) && present.has(nullWhileUnfilled(column)));
  const open: FilledColumn[] = [];
  const counted = new Map<string, boolean>();
  for (const column of columns) {
    const gauge = nullWhileUnfilled(column);
    if (!counted.has(gauge)) counted.set(gauge, (await table.countRows(`${gauge} IS NULL`)) > 0);
    if (counted.get(gauge)) open.push(column);
  }
  return open;
}

/** The `where` of the rows still to fill in `columns`. */
function unfilledRows(columns: readonly FilledColumn[]): string {
  return [...new Set(columns.map(nullWhileUnfilled))].map((column) => `${column} IS NULL`).join(' OR ');
}

/**
 * The file that marks a local table whose derived columns an upgrade is filling, from before it adds them until the
 * last row is filled; null for a table in an object store (whose fill is checked by scanning).
 */
function fillMarker(uri: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri) && !uri.startsWith('file://')) return null;
  return join(uri.startsWith('file://') ? new URL(uri).pathname : uri, `.${TABLE_NAME}.upgrading`);
}

/** The derived columns still to fill: looked for where a marker says an upgrade did not finish, or when asked to. */
async function toFill(table: Table, uri: string, scan: boolean): Promise<string[]> {
  const marker = fillMarker(uri);
  return scan || marker === null || existsSync(marker) ? unfilled(table) : [];
}

/**
 * Brings a table written by an earlier version up to this one: adds the derived columns it lacks (null at first), fills
 * them from the stored steps in batches, then replaces the step-text index. Each step is its own commit, so a crash
 * leaves a readable table and the next run finishes the work (it fills whatever is still null). Does nothing for a
 * table that is current or missing; holds the write lock throughout.
 */
export async function upgradeTable(
  config: DbConfig = dbConfigFromEnv(),
  { batch = UPGRADE_BATCH, lock, onBatch, scanForUnfilled = false }: UpgradeOptions = {},
): Promise<UpgradeReport> {
  const report: UpgradeReport = { added: [], relaxed: [], filled: 0, droppedIndexes: [] };
  const peek = await openTrajectoriesAsStored(config);
  if (
    !peek ||
    ((await upgradableColumns(peek)).length === 0 &&
      (await toFill(peek, config.uri, scanForUnfilled)).length === 0)
  )
    return report;
  const marker = fillMarker(config.uri);
  return withWriteLock(
    config.uri,
    async () => {
      const table = (await openTrajectoriesAsStored(config))!;
      const upgradable = await upgradableColumns(table);
      const present = new Set((await table.schema()).fields.map((field) => field.name));
      const relaxed = upgradable.filter((name) => present.has(name));
      if (relaxed.length > 0) {
        await table.alterColumns(relaxed.map((path) => ({ path, nullable: true })));
        report.relaxed = relaxed;
      }
      const missing = upgradable.filter((name) => !present.has(name));
      if (missing.length > 0) {
        if (marker) writeFileSync(marker, `${new Date().toISOString()}\n`);
        // Added as all-null columns of their declared type.
        await table.addColumns(tableFields(missing));
        report.added = missing;
      }
      const columns = await unfilled(table);
      if (columns.length === 0) {
        if (marker) rmSync(marker, { force: true });
        return report;
      }
      const nulls = unfilledRows(columns);
      for (;;) {
        const rows = await table
          .query()
          .where(nulls)
          .select(['trajectory_id', 'steps_json'])
          .limit(batch)
          .toArray();
        if (rows.length === 0) break;
        const filled = rows.map((row) => {
          const steps = parsedSteps(row.steps_json);
          const values: Record<string, unknown> = { trajectory_id: String(row.trajectory_id) };
          for (const column of columns) values[column] = FILL[column].value(steps);
          return values;
        });
        await table.mergeInsert('trajectory_id').whenMatchedUpdateAll().execute(filled);
        report.filled += filled.length;
        await onBatch?.(report.filled);
      }
      for (const index of await table.listIndices())
        if (index.indexType === 'FTS' && index.columns[0] === 'steps_json') {
          await table.dropIndex(index.name);
          report.droppedIndexes.push(index.name);
        }
      await ensureIndexes(table);
      if (marker) rmSync(marker, { force: true });
      const added = report.added.length > 0 ? `added ${report.added.join(', ')}, ` : '';
      console.info(`upgraded the table: ${added}filled ${report.filled} rows`);
      return report;
    },
    lock,
  );
}
