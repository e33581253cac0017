import type { AnalysisQuery } from '@/lib/analysis/filters/query';
import type { TrainingList } from '@/lib/analysis/stats/training-list';
import { latestTraining } from '@/lib/chart-data/latest-training';
import { parsePageQuery } from '@/lib/params/page-query';

/** The diff page's keys besides the filters and metric options (`page` is a view key). */
export const DIFF_PAGE_KEYS = ['training_ids', 'epoch_a', 'epoch_b', 'solved_rate'] as const;

/**
 * The diff page's query, and whether it names sides (else the page asks for them). The chooser names both runs
 * `training_ids`: the same run twice reads as that one run at two epochs. A bad value is an AnalysisError naming it.
 */
export function diffPageQuery(raw: Record<string, string | string[] | undefined>): {
  query: AnalysisQuery;
  sides: boolean;
} {
  let query = parsePageQuery(raw, DIFF_PAGE_KEYS);
  if (query.training_ids?.length === 1 && !query.training_id?.length)
    query = { ...query, training_id: query.training_ids, training_ids: undefined };
  const epochs = query.epoch_a !== undefined || query.epoch_b !== undefined;
  const sides = query.training_ids?.length
    ? epochs || query.epoch_id !== undefined
    : Boolean(query.training_id?.length) && epochs;
  return { query, sides };
}

type Side = { training_id: string | null; epoch_id: number | null };

/** What the chooser opens with when the URL names no sides: the run it names (else the latest), first → last epoch. */
export function suggestedSides(
  query: AnalysisQuery,
  trainings: TrainingList['trainings'],
): { a: Side; b: Side } {
  const runA = query.training_id?.[0] ?? query.training_ids?.[0] ?? latestTraining(trainings) ?? null;
  const runB = query.training_ids?.[1] ?? runA;
  const range = (id: string | null) => trainings.find((t) => t.training_id === id)?.epoch_range ?? null;
  return {
    a: { training_id: runA, epoch_id: query.epoch_a ?? range(runA)?.[0] ?? null },
    b: { training_id: runB, epoch_id: query.epoch_b ?? range(runB)?.[1] ?? null },
  };
}
