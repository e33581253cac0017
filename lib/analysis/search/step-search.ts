import { BooleanQuery, MatchQuery, Occur } from '@lancedb/lancedb';
import { STEP_TEXT_COLUMN } from '../../db/indexes';
import { searchTerms } from '../../search-terms';
import type { StepMatches } from '../filters/filter';
import type { Filters } from '../filters/query';
import { cached, type Source } from '../source';

export type { StepMatches } from '../filters/filter';

/** At most this many trajectories match `q` through their steps (the best-scoring ones); documented in docs/api.md. */
export const MAX_STEP_MATCHES = 100_000;

/** Whether the table has the full-text index on the step text (built unless STEP_SEARCH_INDEX=off). */
function hasStepIndex(source: Source): Promise<boolean> {
  return cached(source, 'step-index', {}, async () =>
    (await source.table!.listIndices()).some((index) => index.columns.includes(STEP_TEXT_COLUMN)),
  );
}

/**
 * The trajectories whose steps (thoughts, tool arguments, observations) contain every word of `q`, through LanceDB's
 * full-text index on steps_json; computed once per (table version, q). Null when nothing is searched or the table
 * has no such index: `q` then matches the question and data_id only.
 */
export async function stepMatches(source: Source, filters: Filters): Promise<StepMatches | null> {
  const terms = searchTerms(filters.q);
  if (terms.length === 0 || !source.table || !(await hasStepIndex(source))) return null;
  return cached(source, 'step-matches', { terms }, async () => {
    // Every word must occur: one required match per word (a match query's AND operator matched any word here).
    const everyTerm = new BooleanQuery(
      terms.map((term) => [Occur.Must, new MatchQuery(term, STEP_TEXT_COLUMN)] as [Occur, MatchQuery]),
    );
    const rows = await source
      .table!.query()
      .fullTextSearch(everyTerm)
      .select(['trajectory_id', '_score'])
      .withRowId()
      .limit(MAX_STEP_MATCHES)
      .toArray();
    return {
      rowIds: new Set(rows.map((row) => BigInt(row._rowid as bigint))),
      trajectoryIds: rows.map((row) => String(row.trajectory_id)),
    };
  });
}
