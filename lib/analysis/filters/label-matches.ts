import { LABEL_FORM, LABEL_PATTERN, type Target } from '../../annotations/schema';
import { annotationsConfigFor, currentAnnotations, targetWhere } from '../../annotations/store';
import { AnalysisError } from '../errors';
import { cached, type Source } from '../source';
import type { LabelMatches } from './filter';
import type { Filters } from './query';
import { RowIdSet } from './row-id-set';

/** Targets looked up in one LanceDB query (the `where` stays a few kB). */
const TARGETS_PER_QUERY = 200;

/** The distinct targets of the current notes carrying one of `labels`. */
function labelledTargets(
  notes: readonly { target: Target; label: string | null }[],
  labels: readonly string[],
) {
  const wanted = new Set(labels);
  const seen = new Map<string, Target>();
  for (const { target, label } of notes)
    if (label && wanted.has(label)) seen.set(JSON.stringify(target), target);
  return [...seen.values()];
}

/**
 * The trajectories carrying a label of the `label` filter: those a note with it names, and every trajectory of a
 * question or a group a note with it names. Null when the filters have no label. Computed once per (table version,
 * notes table version, labels); the stat cache keys hold the notes version too (`cached`), so a new note shows at
 * once. A label not of the documented form is a 400 naming `label`.
 */
export async function labelMatches(source: Source, filters: Filters): Promise<LabelMatches | null> {
  const labels = filters.label;
  if (!labels?.length) return null;
  const bad = labels.find((label) => !LABEL_PATTERN.test(label));
  if (bad !== undefined)
    throw new AnalysisError(`label: "${bad}" is not a label (${LABEL_FORM} characters)`, 'label');
  const sorted = [...new Set(labels)].sort();
  return cached(source, 'label-matches', { label: sorted }, async () => {
    const notes = await currentAnnotations(annotationsConfigFor(source.uri));
    const targets = labelledTargets(notes.list, sorted);
    const ids: bigint[] = [];
    if (source.table) {
      for (let start = 0; start < targets.length; start += TARGETS_PER_QUERY) {
        const where = targets
          .slice(start, start + TARGETS_PER_QUERY)
          .map((target) => `(${targetWhere(target)})`)
          .join(' OR ');
        const rows = await source.table.query().where(where).select(['epoch_id']).withRowId().toArray();
        for (const row of rows) ids.push(BigInt(row._rowid as bigint | number));
      }
    }
    return { rowIds: new RowIdSet(ids) };
  });
}
