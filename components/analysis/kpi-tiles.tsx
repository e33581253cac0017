import type { ReactNode } from 'react';
import type { Summary } from '@/lib/analysis/stats/summary';
import { formatInteger, formatPercent, formatReward, formatRewardWithCI } from '@/lib/chart-data/format';
import { countedPer, pooledPhrase, questionCountLabel, questionUnit, type Extent } from './pooled';

export const NOT_COMPUTABLE_TITLE = 'not computable: fewer than k samples per question';

interface TileProps {
  label: string;
  value: ReactNode;
  /** A line under the value: what it is computed over. */
  detail?: string;
  /** Hover text explaining the figure (or why it is missing). */
  title?: string;
  testId: string;
}

function Tile({ label, value, detail, title, testId }: TileProps) {
  return (
    <div
      data-testid={testId}
      title={title}
      className="min-w-0 rounded-lg border border-tremor-border bg-tremor-background px-4 py-3 shadow-tremor-card dark:border-dark-tremor-border dark:bg-dark-tremor-background dark:shadow-dark-tremor-card"
    >
      <dt className="truncate text-xs font-medium text-tremor-content dark:text-dark-tremor-content">
        {label}
      </dt>
      <dd className="mt-1 truncate text-2xl font-semibold tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
        {value}
      </dd>
      {detail ? (
        <dd className="mt-0.5 truncate text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          {detail}
        </dd>
      ) : null}
    </div>
  );
}

/** What pass@k averages over: "119 of 120 questions" when shorter questions are left out (in pooled units). */
function passAtKCoverage(summary: Summary, unit: string): string {
  const covered = summary.pass_at_k_questions;
  if (covered === summary.question_count) return `over ${formatInteger(covered)} ${unit}`;
  return `${formatInteger(covered)} of ${formatInteger(summary.question_count)} ${unit}`;
}

/** "Question-epochs" from "question-epochs". */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface KpiTilesProps {
  summary: Summary;
  /**
   * What the selection spans. Pooled over several epochs (or runs) the summary counts a question once per epoch (and
   * run): the tiles then say "question-epochs" and how many distinct questions those are.
   */
  extent?: Extent | null;
}

/** The headline figures of the current selection. */
export function KpiTiles({ summary, extent = null }: KpiTilesProps) {
  const passKLabel = summary.k === null ? 'pass@k' : `pass@${summary.k}`;
  const samples = summary.samples_per_question;
  const unit = questionUnit(extent);
  const pooled = pooledPhrase(extent);
  const sampleText = samples
    ? samples[0] === samples[1]
      ? `${samples[0]} samples each`
      : `${samples[0]}–${samples[1]} samples each`
    : undefined;
  const distinct =
    extent && unit !== 'questions'
      ? `of ${formatInteger(extent.questions)} ${extent.questions === 1 ? 'question' : 'questions'}`
      : undefined;
  return (
    <dl aria-label="Headline figures" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Tile
        label="Trajectories"
        value={formatInteger(summary.trajectory_count)}
        detail={pooled ?? undefined}
        testId="kpi-trajectories"
      />
      <Tile
        label={capitalised(unit)}
        value={formatInteger(summary.question_count)}
        detail={[distinct, sampleText].filter(Boolean).join(' · ') || undefined}
        title={
          distinct
            ? `${questionCountLabel(summary.question_count, extent)}: a question counts once per ${countedPer(extent)} it was sampled in`
            : undefined
        }
        testId="kpi-questions"
      />
      <Tile
        label="pass@1"
        value={formatPercent(summary.pass_at_1)}
        detail={`success: reward > ${summary.success_threshold}`}
        title={summary.pass_at_1 === null ? NOT_COMPUTABLE_TITLE : undefined}
        testId="kpi-pass-at-1"
      />
      {summary.k === 1 ? null : (
        <Tile
          label={passKLabel}
          value={formatPercent(summary.pass_at_k)}
          detail={
            summary.pass_at_k === null
              ? `needs ${summary.k ?? 'k'} samples per question`
              : passAtKCoverage(summary, unit)
          }
          title={
            summary.pass_at_k === null
              ? NOT_COMPUTABLE_TITLE
              : `${unit} with fewer than ${summary.k} samples are left out of ${passKLabel}`
          }
          testId="kpi-pass-at-k"
        />
      )}
      <Tile
        label="Avg reward [95% CI]"
        value={
          <>
            {formatReward(summary.avg_reward)}
            {summary.avg_reward_ci ? (
              <span className="text-sm font-normal text-tremor-content dark:text-dark-tremor-content">
                {` [${formatReward(summary.avg_reward_ci.low)}, ${formatReward(summary.avg_reward_ci.high)}]`}
              </span>
            ) : null}
          </>
        }
        title={
          summary.avg_reward_ci
            ? `${formatRewardWithCI(summary.avg_reward, summary.avg_reward_ci)}: mean reward, 95% bootstrap CI over ${unit}`
            : undefined
        }
        testId="kpi-avg-reward"
      />
    </dl>
  );
}
