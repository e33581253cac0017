import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import type { ZeroVarianceEpoch } from '@/lib/analysis/stats/group-zero-variance';
import { groupHref } from '@/lib/search-params';
import type { ChartSeries } from './types';

/** Data preparation of the GRPO group views. */

const EPOCH_KEY = 'epoch';
export const ZERO_VARIANCE = 'Zero variance';
export const ALL_PASS = 'All pass';
export const ALL_FAIL = 'All fail';

/** Share of zero-variance groups per epoch, and its two sides. */
export function zeroVarianceSeries(epochs: readonly ZeroVarianceEpoch[]): ChartSeries {
  return {
    index: EPOCH_KEY,
    categories: [ZERO_VARIANCE, ALL_PASS, ALL_FAIL],
    colors: ['violet', 'emerald', 'rose'],
    rows: epochs.map((e) => ({
      [EPOCH_KEY]: e.epoch_id,
      [ZERO_VARIANCE]: e.zero_variance_share,
      [ALL_PASS]: e.all_pass_share,
      [ALL_FAIL]: e.all_fail_share,
    })),
  };
}

export interface GroupLink {
  /** The key that follows it (KeyboardEvent.key). */
  key: string;
  label: string;
  href: string | null;
}

/** Where the keyboard and the arrows lead from a group: ← → the previous / next question, [ ] the epoch before / after. */
export function groupLinks(group: GroupDetail): GroupLink[] {
  const question = (dataId: string | null) =>
    dataId === null ? null : groupHref(group.training_id, group.epoch_id, dataId);
  const epoch = (e: number | null) => (e === null ? null : groupHref(group.training_id, e, group.data_id));
  return [
    { key: 'ArrowLeft', label: 'Previous question', href: question(group.previous_data_id) },
    { key: 'ArrowRight', label: 'Next question', href: question(group.next_data_id) },
    { key: '[', label: 'Previous epoch', href: epoch(group.previous_epoch) },
    { key: ']', label: 'Next epoch', href: epoch(group.next_epoch) },
  ];
}

/**
 * A diverging bar for an advantage: where it starts and how wide it is, in percent of a track centred on 0 whose half
 * width is `scale` (the largest |advantage| of the group, so bars are comparable within it).
 */
export function advantageBar(advantage: number, scale: number): { left: number; width: number } {
  if (scale <= 0 || advantage === 0) return { left: 50, width: 0 };
  const half = (Math.min(Math.abs(advantage), scale) / scale) * 50;
  return advantage > 0 ? { left: 50, width: half } : { left: 50 - half, width: half };
}

/** The half width of the advantage bars of a group. */
export function advantageScale(group: GroupDetail): number {
  return Math.max(0, ...group.samples.map((s) => Math.abs(s.advantage)));
}
