import type { QuestionDisagreement } from '@/lib/analysis/stats/question-disagreement';
import { formatPercent, formatPercentPoints } from '@/lib/chart-data/format';
import { questionRunsHref } from '@/lib/search-params';
import { TextLink } from '@/components/ui/links';

const HEAD = 'px-2 py-1.5 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';
const CELL = 'px-2 py-1.5 tabular-nums';

/** The questions two runs disagree on most; each opens the question side by side in both runs. */
export function DisagreementTable({ data }: { data: QuestionDisagreement }) {
  const [first, second] = data.training_ids;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="disagreement-table">
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <th scope="col" className={`${HEAD} text-left`}>
              Question
            </th>
            <th scope="col" className={HEAD}>
              Shared epochs
            </th>
            <th scope="col" className={HEAD}>
              {first}
            </th>
            <th scope="col" className={HEAD}>
              {second}
            </th>
            <th scope="col" className={HEAD} title={`${second} minus ${first}`}>
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {data.questions.map((q) => (
            <tr
              key={q.data_id}
              data-testid="disagreement-row"
              className="border-b border-tremor-border text-right last:border-b-0 dark:border-dark-tremor-border"
            >
              <th scope="row" className={`${CELL} text-left font-mono font-normal`}>
                <TextLink href={questionRunsHref(q.data_id, data.training_ids)}>{q.data_id}</TextLink>
              </th>
              <td className={CELL}>{q.shared_epochs}</td>
              <td className={CELL}>{formatPercent(q.success_rates[0])}</td>
              <td className={CELL}>{formatPercent(q.success_rates[1])}</td>
              <td
                className={`${CELL} font-semibold ${q.difference < 0 ? 'text-rose-600 dark:text-rose-400' : q.difference > 0 ? 'text-emerald-700 dark:text-emerald-400' : ''}`}
              >
                {formatPercentPoints(q.difference)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
