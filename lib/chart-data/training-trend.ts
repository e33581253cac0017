import type { EpochListItem } from '@/lib/analysis/stats/epoch-list';

export const TREND_KEY = 'Pass@1';

/** A run at a glance: its pass@1 per epoch (for a sparkline), where it is now, and how far it came. */
export interface TrainingTrend {
  rows: { epoch: number; [TREND_KEY]: number | null }[];
  latest: { epoch_id: number; pass_at_1: number | null; avg_reward: number | null } | null;
  /** Pass@1 of the last epoch minus that of the first; null with fewer than two epochs or a missing value. */
  change: number | null;
}

export function trainingTrend(epochs: readonly EpochListItem[]): TrainingTrend {
  const sorted = [...epochs].sort((a, b) => a.epoch_id - b.epoch_id);
  const first = sorted[0];
  const last = sorted.at(-1);
  return {
    rows: sorted.map((e) => ({ epoch: e.epoch_id, [TREND_KEY]: e.pass_at_1 })),
    latest: last ? { epoch_id: last.epoch_id, pass_at_1: last.pass_at_1, avg_reward: last.avg_reward } : null,
    change:
      sorted.length >= 2 && first.pass_at_1 !== null && last!.pass_at_1 !== null
        ? last!.pass_at_1 - first.pass_at_1
        : null,
  };
}
