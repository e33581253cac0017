import type { RewardHistogram } from '@/lib/analysis/stats/reward-histogram';
import { formatPercent } from './format';

/** Shade steps of a cell by its share of the epoch's trajectories: none, ≤ 10 %, ≤ 25 %, ≤ 50 %, more. */
export const SHARE_STEPS = [0.1, 0.25, 0.5] as const;

export interface HistogramCell {
  count: number;
  /** count / the epoch's trajectories. */
  share: number;
  /** 0 when empty, else 1..SHARE_STEPS.length + 1 (darker is more). */
  shade: number;
  /** What a hover says: "epoch 3, reward 0.90 to 1.00: 12 of 40 (30.0%)". */
  title: string;
}

export interface HistogramRow {
  /** The bin's reward range, as shown: "0.90 to 1.00". */
  label: string;
  /** Aligned with the grid's epochs. */
  cells: HistogramCell[];
}

export interface HistogramGrid {
  epochs: number[];
  /** Highest rewards first, so the grid reads like a chart's y axis. */
  rows: HistogramRow[];
}

/** Decimals that tell neighbouring bin edges apart: 2 for tenths of [0, 1], 3 for a range of 0.3. */
export function edgeDigits(width: number): number {
  if (!(width > 0)) return 2;
  return Math.min(6, Math.max(2, Math.ceil(-Math.log10(width)) + 1));
}

function shadeOf(share: number): number {
  if (share === 0) return 0;
  const step = SHARE_STEPS.findIndex((limit) => share <= limit);
  return step === -1 ? SHARE_STEPS.length + 1 : step + 1;
}

/** The histogram as a bins × epochs grid of shares, highest bin on top. */
export function rewardHistogramGrid({ bins, epochs }: RewardHistogram): HistogramGrid {
  const digits = edgeDigits(bins.length ? bins[0].high - bins[0].low : 0);
  const rows = bins.map((bin, b) => {
    const label =
      bin.low === bin.high
        ? bin.low.toFixed(digits)
        : `${bin.low.toFixed(digits)} to ${bin.high.toFixed(digits)}`;
    return {
      label,
      cells: epochs.map((epoch) => {
        const count = epoch.counts[b];
        const share = count / epoch.trajectory_count;
        return {
          count,
          share,
          shade: shadeOf(share),
          title: `epoch ${epoch.epoch_id}, reward ${label}: ${count} of ${epoch.trajectory_count} (${formatPercent(share)})`,
        };
      }),
    };
  });
  return { epochs: epochs.map((epoch) => epoch.epoch_id), rows: rows.reverse() };
}
