import { FILTER_KEYS, type FilterKey } from '../../params/table';
import type { Source } from '../source';
import { countMatching } from './count-matching';
import { pickFilters, type AnalysisQuery } from './query';

/** A filter that empties a selection on its own: without it, `without` trajectories match. */
export interface EmptyCause {
  key: FilterKey;
  without: number;
}

/** Which filters an empty selection has, and which of them alone empty it. */
export interface EmptyCauses {
  /** The filters in effect, the kept ones (the run) aside, in the order of the parameter table. */
  active: FilterKey[];
  /** Those whose removal alone brings trajectories back; none when only several together empty it. */
  causes: EmptyCause[];
}

/**
 * Why a selection has no (scored) trajectory: the selection is counted again without each filter in effect, one at a
 * time (countMatching: a pass over the resident arrays, cached per table version), and a filter whose removal brings
 * trajectories back is named. `keep` are never removed: the run a view is about (`training_id`) by default.
 * The query is the one the view counted, defaults applied (the Failures tab's `reward_max`).
 */
export async function emptyCauses(
  source: Source,
  query: AnalysisQuery,
  { keep = ['training_id'] }: { keep?: readonly FilterKey[] } = {},
): Promise<EmptyCauses> {
  const filters = pickFilters(query);
  const active = FILTER_KEYS.filter(
    (key) =>
      filters[key] !== undefined &&
      !keep.includes(key) &&
      // A lifted bound (`reward_max=any`) narrows nothing: removing it cannot bring rows back.
      !(typeof filters[key] === 'number' && !Number.isFinite(filters[key])),
  );
  const counts = await Promise.all(
    active.map((key) => countMatching(source, { ...query, [key]: undefined })),
  );
  const causes = active.flatMap((key, i) => (counts[i] > 0 ? [{ key, without: counts[i] }] : []));
  return { active, causes };
}
