import type { Clause } from '../filters/filter';
import { clauseColumns } from '../filters/filter';
import type { Scan, ScanColumn } from '../scan/scan';
import type { Source } from '../source';
import { selectWhere } from './select';

/**
 * The rows the clauses select, answered from the source's resident columns, or null when it holds none (or not the
 * columns asked for): then a pushed-down LanceDB scan answers. Rows are ascending indices into the resident scan,
 * which holds every resident column (row ids included), not only those asked for.
 */
export async function residentSelection(
  source: Source,
  clauses: readonly Clause[],
  columns: readonly ScanColumn[],
): Promise<{ scan: Scan; rows: Int32Array } | null> {
  if (!source.resident) return null;
  const needed = [...columns, ...(clauseColumns(clauses) as ScanColumn[])];
  const held = await source.resident.engine.withColumns(source.resident.columns, needed);
  if (!held) return null;
  return { scan: held.scan, rows: selectWhere(held.scan, clauses) };
}
