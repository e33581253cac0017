import type { QuestionAcrossRuns } from '@/lib/analysis/stats/question-across-runs';
import { formatPercent, formatReward } from '@/lib/chart-data/format';
import { groupHref } from '@/lib/search-params';
import { TextLink } from '@/components/ui/links';
import { LabelChips } from '../notes/label-chips';

const HEAD = 'px-2 py-1.5 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';
const CELL = 'px-2 py-1.5 tabular-nums';

/**
 * One question in each run, side by side: the epoch shown, its samples' rewards and success rate; under a run, the
 * note labels of its group at that epoch (`labels`, by training_id).
 */
export function QuestionRunsTable({
  data,
  labels = {},
}: {
  data: QuestionAcrossRuns;
  labels?: Record<string, string[]>;
}) {
  return (
    // Relative: the screen-reader-only header text is positioned absolutely, and must scroll with the table rather
    // than widen the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="w-full text-xs" data-testid="question-runs">
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <th scope="col" className={`${HEAD} text-left`}>
              Run
            </th>
            <th scope="col" className={HEAD}>
              Epoch
            </th>
            <th scope="col" className={HEAD}>
              Success rate
            </th>
            <th scope="col" className={HEAD}>
              Avg reward
            </th>
            <th scope="col" className={`${HEAD} text-left`}>
              Rewards by sample
            </th>
            <th scope="col" className={`${HEAD} text-left`}>
              <span className="sr-only">Group</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.runs.map((run) => (
            <tr
              key={run.training_id}
              data-testid="question-run"
              className="border-b border-tremor-border text-right last:border-b-0 dark:border-dark-tremor-border"
            >
              <th scope="row" className={`${CELL} text-left font-medium`}>
                {run.training_id}
                <LabelChips labels={labels[run.training_id] ?? []} className="mt-1 font-normal" />
              </th>
              <td className={CELL}>{run.epoch_id ?? '—'}</td>
              <td className={`${CELL} font-semibold`}>
                {run.success_rate === null
                  ? 'no samples'
                  : `${formatPercent(run.success_rate)} (${run.successes}/${run.samples})`}
              </td>
              <td className={CELL}>{formatReward(run.avg_reward)}</td>
              <td className={`${CELL} text-left font-mono`}>
                {run.rewards.map((r) => formatReward(r)).join(' ')}
              </td>
              <td className={`${CELL} text-left`}>
                {run.epoch_id === null ? null : (
                  <TextLink href={groupHref(run.training_id, run.epoch_id, data.data_id)}>
                    Open group →
                  </TextLink>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
