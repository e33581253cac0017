import { commonK, computeEpochPoints, singleTraining } from './epoch-progression';
import { allRows } from './grouping';
import { PASS_COLUMNS } from './pass-metrics';
import type { AnalysisQuery } from './query';
import { cached, openSource, type Source } from './source';
import { assertTrainingsExist, scanFiltered } from './stat';

export interface EpochListItem {
  epoch_id: number;
  trajectory_count: number;
  question_count: number;
  avg_reward: number | null;
  pass_at_1: number | null;
  pass_at_k: number | null;
  k: number | null;
  pass_at: Record<string, number | null>;
}

export interface EpochList {
  training_id: string;
  k: number | null;
  epochs: EpochListItem[];
}

/** The epochs of one training with their headline figures (the epoch selector's data). */
export async function epochList(query: AnalysisQuery, source?: Source): Promise<EpochList> {
  const trainingId = singleTraining(query);
  const src = source ?? (await openSource());
  await assertTrainingsExist(src, query.training_id);
  return cached(src, 'epoch-list', query, async () => {
    const scan = await scanFiltered(src, query, PASS_COLUMNS);
    const rows = allRows(scan.length);
    const k = query.k ?? commonK(scan, rows, query.success_threshold);
    const epochs = computeEpochPoints(scan, rows, query, k).map(({ epoch, summary }) => ({
      epoch_id: epoch,
      trajectory_count: summary.trajectory_count,
      question_count: summary.question_count,
      avg_reward: summary.avg_reward,
      pass_at_1: summary.pass_at_1,
      pass_at_k: summary.pass_at_k,
      k: summary.k,
      pass_at: summary.pass_at,
    }));
    return { training_id: trainingId, k, epochs };
  });
}
