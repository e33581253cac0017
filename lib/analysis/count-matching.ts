import { residentSelection } from './engine/selection';
import { pickFilters, type AnalysisQuery } from './query';
import { cached, type Source } from './source';
import { stepMatches } from './step-search';
import { compileWhere } from './where';

/** How many trajectories the filters select (from resident columns, else LanceDB counts them). */
export function countMatching(source: Source, query: AnalysisQuery): Promise<number> {
  const filters = pickFilters(query);
  return cached(source, 'count-matching', filters, async () => {
    if (!source.table) return 0;
    const steps = await stepMatches(source, filters);
    const resident = await residentSelection(source, filters, [], steps);
    return resident ? resident.rows.length : source.table.countRows(compileWhere(filters, steps));
  });
}
