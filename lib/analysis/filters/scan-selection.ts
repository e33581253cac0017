import type { Table } from '@lancedb/lancedb';
import { selectWhere } from '../engine/select';
import { allRows } from '../grouping';
import { scanTable, type Scan, type ScanColumn } from '../scan/scan';
import { clauseColumns, type Clause } from './filter';
import { afterScan, sqlWhere } from './where';

/**
 * The rows the clauses select through a LanceDB scan: the clauses a `where` holds are pushed down, the rest (a step
 * search's matches) are applied to the scanned rows by the engine, with the columns they read.
 */
export async function scanSelection(
  table: Table,
  clauses: readonly Clause[],
  columns: readonly ScanColumn[],
  withRowIds: boolean,
): Promise<{ scan: Scan; rows: Int32Array }> {
  const { pushed, after } = afterScan(clauses);
  const where = sqlWhere(pushed);
  if (after.length === 0) {
    const scan = await scanTable(table, { where, columns, withRowIds });
    return { scan, rows: allRows(scan.length) };
  }
  const read = [...new Set([...columns, ...(clauseColumns(after) as ScanColumn[])])];
  const scan = await scanTable(table, { where, columns: read, withRowIds: true });
  return { scan, rows: selectWhere(scan, after) };
}
