/**
 * GRPO's group-normalised advantage: each sample's reward minus the group mean, divided by the group's population
 * standard deviation. When every sample has the same reward the spread is 0 and so is every advantage: the group
 * gives the policy no learning signal.
 */
export interface GroupAdvantages {
  mean: number;
  /** Population standard deviation (divides by n). */
  std: number;
  advantages: number[];
  learning_signal: boolean;
}

export function groupAdvantages(rewards: readonly number[]): GroupAdvantages {
  const n = rewards.length;
  if (n === 0) return { mean: 0, std: 0, advantages: [], learning_signal: false };
  let sum = 0;
  for (const r of rewards) sum += r;
  const mean = sum / n;
  let squares = 0;
  for (const r of rewards) squares += (r - mean) ** 2;
  const std = Math.sqrt(squares / n);
  // Rewards that differ only by rounding noise are the same reward.
  const learning_signal = std > 1e-12;
  return {
    mean,
    std: learning_signal ? std : 0,
    advantages: rewards.map((r) => (learning_signal ? (r - mean) / std : 0)),
    learning_signal,
  };
}
