import { AnalysisError } from './errors';
import { groupColumns, groupRows, allRows } from './grouping';
import { pickFilters, type AnalysisQuery } from './query';
import { emptyScan, scanTable, type Scan, type ScanColumn } from './scan/scan';
import { cached, openSource, type Source } from './source';
import { listTrainings } from './training-list';
import { andWhere, compileWhere } from './where';

/** A statistic computed from a projected scan: its name (shared by lib file, route and card), columns, and math. */
export interface StatDefinition<R> {
  name: string;
  columns: readonly ScanColumn[];
  compute(scan: Scan, rows: Int32Array, query: AnalysisQuery): R;
}

export interface Grouped<R> {
  group_by: 'training_id' | 'epoch_id';
  groups: Record<string, R>;
}

/** An unknown training id is a 404, not an empty answer, so a typo in a shared link is visible. */
export async function assertTrainingsExist(
  source: Source,
  ids: readonly string[] | undefined,
  param = 'training_id',
) {
  if (!ids?.length || !source.table) return;
  const known = new Set((await listTrainings(source)).trainings.map((t) => t.training_id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw new AnalysisError(`unknown training "${missing}"`, param, 404);
}

/** Scans the filtered rows with the given columns (an empty scan when the table does not exist yet). */
export async function scanFiltered(
  source: Source,
  query: AnalysisQuery,
  columns: readonly ScanColumn[],
  extraWhere?: string,
): Promise<Scan> {
  if (!source.table) return emptyScan(columns);
  return scanTable(source.table, { where: andWhere(compileWhere(pickFilters(query)), extraWhere), columns });
}

/**
 * Runs a statistic over the filtered rows, grouped when the query says so, and caches the result by table version.
 * Without group_by the result has the stat's own shape; with it, `{ group_by, groups: { key: result } }`.
 */
export async function runStat<R>(
  definition: StatDefinition<R>,
  query: AnalysisQuery,
  source?: Source,
): Promise<R | Grouped<R>> {
  const src = source ?? (await openSource());
  await assertTrainingsExist(src, query.training_id);
  return cached(src, definition.name, query, async () => {
    const columns = [...definition.columns, ...groupColumns(query.group_by)];
    const scan = await scanFiltered(src, query, columns);
    if (!query.group_by) return definition.compute(scan, allRows(scan.length), query);
    const groups: Record<string, R> = {};
    for (const [key, rows] of groupRows(scan, query.group_by))
      groups[key] = definition.compute(scan, rows, query);
    return { group_by: query.group_by, groups };
  });
}
