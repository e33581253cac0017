import { pickFilters, type AnalysisQuery } from './query';
import { cached, type Source } from './source';
import { compileWhere } from './where';

/** How many trajectories the filters select (LanceDB counts them; no column is read into memory). */
export function countMatching(source: Source, query: AnalysisQuery): Promise<number> {
  const filters = pickFilters(query);
  return cached(source, 'count-matching', filters, async () =>
    source.table ? source.table.countRows(compileWhere(filters)) : 0,
  );
}
