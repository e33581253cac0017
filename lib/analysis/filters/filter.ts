/**
 * The one form of a filter: what the parameter table's filters become (lib/analysis/filters/clauses.ts), and what
 * both back ends interpret — the LanceDB `where` (lib/analysis/filters/where.ts) and the resident engine
 * (lib/analysis/engine/select.ts). lib/analysis/engine/select.test.ts holds them to the same rows, clause by clause.
 */

import type { RowIdSet } from './row-id-set';

/**
 * Every trajectory whose step text matches a search, as LanceDB row ids of the table version searched. No `where`
 * can hold them at any size, so a clause carrying them is applied after the scan (`afterScan`), by the engine.
 */
export interface StepMatches {
  rowIds: RowIdSet;
}

/**
 * Every trajectory carrying a note label (on itself, its question or its group), as LanceDB row ids: applied after
 * the scan, like step matches (lib/analysis/filters/label-matches.ts).
 */
export interface LabelMatches {
  rowIds: RowIdSet;
}

export type Clause =
  /** A string column is one of `values`, or a list column holds any / all / none of them. */
  | { op: 'in' | 'has_any' | 'has_all' | 'has_none'; column: string; values: readonly string[] }
  /** A numeric column compared with `value`. */
  | { op: '=' | '>=' | '<='; column: string; value: number }
  /** Some tool call failed. */
  | { op: 'any_tool_failed' }
  /** A call to this tool failed. */
  | { op: 'failed_tool'; value: string }
  /** The trajectory has a reward (`scored`), or has none (`unscored`: its log gave no score). */
  | { op: 'scored' | 'unscored' }
  /** One of `columns` contains `needle` (lowercase), or the trajectory is among the step matches. */
  | { op: 'contains'; columns: readonly string[]; needle: string; steps?: StepMatches }
  /** The trajectory carries one of the `label` filter's labels. */
  | { op: 'labelled'; labels: LabelMatches };

/** The columns a clause reads. */
export function clauseColumns(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((clause) => {
    switch (clause.op) {
      case 'any_tool_failed':
        return ['tool_error_count'];
      case 'failed_tool':
        return ['tools_failed'];
      case 'scored':
      case 'unscored':
        return ['reward'];
      case 'contains':
        return [...clause.columns];
      case 'labelled':
        return [];
      default:
        return [clause.column];
    }
  });
}
