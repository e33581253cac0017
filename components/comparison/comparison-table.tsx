import type { TrainingComparison } from '@/lib/analysis/stats/training-comparison';
import { runColors } from '@/lib/chart-data/colors';
import { pairedVerdict, type VerdictTone } from '@/lib/chart-data/comparison';
import {
  formatInteger,
  formatPercent,
  formatPercentPoints,
  formatRewardWithCI,
} from '@/lib/chart-data/format';
import { passAtKLabel } from '@/lib/chart-data/progress';
import { disagreementHref } from '@/lib/search-params';
import type { ChartColor } from '@/lib/chart-data/types';
import { HeaderCell } from '../table/header-cell';
import { Badge, Swatch } from '../ui/badge';
import { TextLink } from '@/components/ui/links';

export interface ComparisonTableProps {
  comparison: TrainingComparison;
}

const VERDICT_COLOR: Record<VerdictTone, ChartColor> = { better: 'emerald', worse: 'rose', unclear: 'gray' };
const CELL = 'px-2 py-1.5 tabular-nums';

/**
 * Each run's headline figures and its paired difference against the baseline on the questions both answered, with a
 * link to the questions where the two runs disagree most.
 */
export function ComparisonTable({ comparison }: ComparisonTableProps) {
  const colors = runColors(comparison.trainings.map((t) => t.training_id));
  const paired = new Map(comparison.paired.map((pd) => [pd.training_id, pd]));
  const passK = passAtKLabel(comparison.k);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="comparison-table">
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <HeaderCell>Run</HeaderCell>
            <HeaderCell align="right">Trajectories</HeaderCell>
            <HeaderCell align="right">Questions</HeaderCell>
            <HeaderCell align="right">Pass@1</HeaderCell>
            {passK ? (
              <HeaderCell align="right" title="Questions with fewer than k samples are left out">
                {passK}
              </HeaderCell>
            ) : null}
            <HeaderCell align="right">Avg reward [95% CI]</HeaderCell>
            <HeaderCell align="right" title="Mean over shared questions of the success-rate difference">
              Δ pass@1 vs baseline [95% CI]
            </HeaderCell>
            <HeaderCell
              align="right"
              title="Shared questions where this run's success rate is higher / equal / lower"
            >
              W / T / L
            </HeaderCell>
            <HeaderCell>Verdict</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {comparison.trainings.map((training, i) => {
            const pd = paired.get(training.training_id);
            const verdict = pd ? pairedVerdict(pd) : null;
            const s = training;
            return (
              <tr
                key={training.training_id}
                className="border-b border-tremor-border text-right last:border-b-0 dark:border-dark-tremor-border"
              >
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  <span className="inline-flex items-center gap-2">
                    <Swatch color={colors[i]} />
                    <span className="font-mono text-tremor-content-strong dark:text-dark-tremor-content-strong">
                      {training.training_id}
                    </span>
                  </span>
                </th>
                <td className={CELL}>{formatInteger(s.trajectory_count)}</td>
                <td className={CELL}>{formatInteger(s.question_count)}</td>
                <td className={CELL}>{formatPercent(s.pass_at_1)}</td>
                {passK ? (
                  <td
                    className={CELL}
                    title={`over ${formatInteger(s.pass_at_k_questions)} of ${formatInteger(s.question_count)} questions`}
                  >
                    {formatPercent(s.pass_at_k)}
                  </td>
                ) : null}
                <td className={CELL}>{formatRewardWithCI(s.avg_reward, s.avg_reward_ci)}</td>
                <td className={CELL}>
                  {pd
                    ? `${formatPercentPoints(pd.delta_pass_at_1)}${pd.delta_ci ? ` [${formatPercentPoints(pd.delta_ci.low)}, ${formatPercentPoints(pd.delta_ci.high)}]` : ''}`
                    : i === 0
                      ? 'baseline'
                      : '–'}
                </td>
                <td
                  className={CELL}
                  title={pd ? `${formatInteger(pd.common_questions)} shared questions` : undefined}
                >
                  {pd ? `${pd.wins} / ${pd.ties} / ${pd.losses}` : '–'}
                </td>
                <td className="px-2 py-1.5 text-left">
                  {verdict && pd ? (
                    <span className="inline-flex flex-wrap items-center gap-2">
                      <Badge color={VERDICT_COLOR[verdict.tone]}>{verdict.text}</Badge>
                      <TextLink
                        className="whitespace-nowrap"
                        href={disagreementHref(pd.baseline, pd.training_id)}
                      >
                        questions where they disagree →
                        <span className="sr-only">
                          {' '}
                          ({pd.baseline} and {pd.training_id})
                        </span>
                      </TextLink>
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
