import { residentSelection } from '../engine/selection';
import { pickFilters, type AnalysisQuery } from './query';
import { cached, type Source } from '../source';
import { stepMatches } from '../search/step-search';
import { labelMatches } from './label-matches';
import { filterClauses, type Scoring } from './clauses';
import { scanSelection } from './scan-selection';
import { afterScan, sqlWhere } from './where';

/**
 * How many trajectories the filters select (from resident columns, else LanceDB counts them): scored ones, or with
 * `unscored`, those the filters would select but whose log gave no score (left out of every figure).
 */
export function countMatching(
  source: Source,
  query: AnalysisQuery,
  scoring: Exclude<Scoring, 'any'> = 'scored',
): Promise<number> {
  const filters = pickFilters(query);
  return cached(source, `count-matching-${scoring}`, filters, async () => {
    if (!source.table) return 0;
    const clauses = filterClauses(
      filters,
      await stepMatches(source, filters),
      scoring,
      await labelMatches(source, filters),
    );
    const resident = await residentSelection(source, clauses, []);
    if (resident) return resident.rows.length;
    const { pushed, after } = afterScan(clauses);
    if (after.length === 0) return source.table.countRows(sqlWhere(pushed));
    return (await scanSelection(source.table, clauses, [], false)).rows.length;
  });
}
