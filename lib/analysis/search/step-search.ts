import { BooleanQuery, MatchQuery, Occur, type FullTextQuery, type Table } from '@lancedb/lancedb';
import { STEP_TEXT_COLUMN } from '../../db/indexes';
import { searchPhrases, textWords } from '../../search-terms';
import { takeRows } from '../records/rows';
import type { StepMatches } from '../filters/filter';
import type { Filters } from '../filters/query';
import { RowIdSet } from '../filters/row-id-set';
import { cached, type Source } from '../source';

export type { StepMatches } from '../filters/filter';

/** What a `q` filter searched: the step text too, or (without the step index) only the question and data_id. */
export type SearchScope = 'steps' | 'question-and-id';

/** Whether the table has the full-text index on the step text (built unless STEP_SEARCH_INDEX=off). */
export function hasStepIndex(source: Source): Promise<boolean> {
  if (!source.table) return Promise.resolve(false);
  return cached(source, 'step-index', {}, async () =>
    (await source.table!.listIndices()).some((index) => index.columns.includes(STEP_TEXT_COLUMN)),
  );
}

/** The scope of the `q` of these filters, or null when they have none. */
export async function searchScope(source: Source, filters: Filters): Promise<SearchScope | null> {
  if (searchPhrases(filters.q).length === 0) return null;
  return (await hasStepIndex(source)) ? 'steps' : 'question-and-id';
}

/** Every word of every phrase must occur: one required match per word. */
function everyWord(phrases: string[][]): FullTextQuery {
  const words = [...new Set(phrases.flat())];
  return new BooleanQuery(
    words.map((word): [Occur, FullTextQuery] => [Occur.Must, new MatchQuery(word, STEP_TEXT_COLUMN)]),
  );
}

/** Rows whose step text is read at once when phrases are checked. */
const PHRASE_CHECK_BATCH = 2_000;

/** Whether the words of `text` hold `phrase` as consecutive words. */
function holdsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++)
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  return false;
}

/** The candidates whose step text holds every phrase of several words, read in batches. */
async function withPhrases(table: Table, candidates: bigint[], phrases: string[][]): Promise<bigint[]> {
  const long = phrases.filter((phrase) => phrase.length > 1);
  if (long.length === 0) return candidates;
  const kept: bigint[] = [];
  for (let start = 0; start < candidates.length; start += PHRASE_CHECK_BATCH) {
    const rows = await takeRows(table, candidates.slice(start, start + PHRASE_CHECK_BATCH), [
      STEP_TEXT_COLUMN,
    ]);
    for (const row of rows) {
      const words = textWords(String(row[STEP_TEXT_COLUMN] ?? ''));
      if (long.every((phrase) => holdsPhrase(words, phrase)))
        kept.push(BigInt(row._rowid as bigint | number));
    }
  }
  return kept;
}

/**
 * Every trajectory whose step text (thoughts, tools, argument values, observations) holds every word and quoted
 * phrase of `q`: the full-text index finds those with every word, and a phrase is then checked in their text;
 * computed once per (table version, search). All matches, however many: the result limit is the table's row count. Null when nothing is searched or the table has no such index: `q`
 * then matches the question and data_id only (`searchScope` says which).
 */
export async function stepMatches(source: Source, filters: Filters): Promise<StepMatches | null> {
  const phrases = searchPhrases(filters.q);
  if (phrases.length === 0 || !(await hasStepIndex(source))) return null;
  return cached(source, 'step-matches', { phrases }, async () => {
    const table = source.table!;
    const rows = await table
      .query()
      .fullTextSearch(everyWord(phrases))
      .select(['_score'])
      .withRowId()
      .limit(Math.max(1, await table.countRows()))
      .toArray();
    const candidates = rows.map((row) => BigInt(row._rowid as bigint | number));
    return { rowIds: new RowIdSet(await withPhrases(table, candidates, phrases)) };
  });
}
