import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import { formatPercent, formatReward } from '@/lib/chart-data/format';

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline text-tremor-content dark:text-dark-tremor-content">{label} </dt>
      <dd className="inline font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

/** The group's reward in four figures: mean, spread, range and success rate. */
export function GroupFigures({ group }: { group: GroupDetail }) {
  return (
    <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="group-figures">
      <Figure label="Mean reward">{formatReward(group.mean_reward)}</Figure>
      <Figure label="Std">{formatReward(group.reward_std)}</Figure>
      <Figure label="Range">
        {formatReward(group.min_reward)} – {formatReward(group.max_reward)}
      </Figure>
      <Figure label="Success rate">{formatPercent(group.success_rate)}</Figure>
    </dl>
  );
}

/** A group whose samples all got the same reward teaches GRPO nothing: say so (nothing when it does teach). */
export function NoLearningSignal({ group }: { group: GroupDetail }) {
  if (group.learning_signal) return null;
  return (
    <p
      className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
      data-testid="no-learning-signal"
    >
      No learning signal: every sample got the reward {formatReward(group.mean_reward)}, so the spread is 0
      and every advantage is 0.
    </p>
  );
}
