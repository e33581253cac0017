import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import { trajectoryHref } from '@/lib/search-params';
import { formatInteger, formatReward } from '@/lib/chart-data/format';
import { advantageBar, advantageScale } from '@/lib/chart-data/groups';
import { TerminationBadge } from '../ui/badge';
import { TextLink } from '@/components/ui/links';
import { LabelChips } from '../notes/label-chips';

const HEAD = 'px-2 py-1.5 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';
const CELL = 'px-2 py-1.5 align-top';

/**
 * Every sample of a GRPO group side by side: reward, advantage, termination, tool path and length; under a sample, the
 * note labels on it (`labels`, by trajectory_id).
 */
export function GroupSamplesTable({
  group,
  labels = {},
}: {
  group: GroupDetail;
  labels?: Record<string, string[]>;
}) {
  const scale = advantageScale(group);
  return (
    // Relative: the screen-reader-only header text is positioned absolutely, and must scroll with the table rather
    // than widen the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="w-full text-xs" data-testid="group-samples">
        <thead>
          <tr className="border-b border-tremor-border text-left dark:border-dark-tremor-border">
            <th scope="col" className={HEAD}>
              Sample
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Reward
            </th>
            <th scope="col" className={`${HEAD} text-right`} title="(reward − group mean) / group std">
              Advantage
            </th>
            <th scope="col" className={`${HEAD} w-32`}>
              <span className="sr-only">Advantage bar</span>
            </th>
            <th scope="col" className={HEAD}>
              Termination
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Steps
            </th>
            <th scope="col" className={HEAD}>
              Tool path (failed calls in red)
            </th>
          </tr>
        </thead>
        <tbody>
          {group.samples.map((sample) => {
            const bar = advantageBar(sample.advantage, scale);
            return (
              <tr
                key={sample.trajectory_id}
                data-testid="group-sample"
                className="border-b border-tremor-border last:border-b-0 dark:border-dark-tremor-border"
              >
                <th scope="row" className={`${CELL} text-left font-normal`}>
                  <TextLink href={trajectoryHref(sample.trajectory_id)}>#{sample.sample_id}</TextLink>
                  <LabelChips labels={labels[sample.trajectory_id] ?? []} className="mt-1" />
                </th>
                <td
                  className={`${CELL} text-right tabular-nums ${sample.success ? 'text-emerald-700 dark:text-emerald-400' : ''}`}
                >
                  {formatReward(sample.reward)}
                </td>
                <td className={`${CELL} text-right tabular-nums`} data-testid="advantage">
                  {sample.advantage >= 0 ? '+' : '−'}
                  {Math.abs(sample.advantage).toFixed(3)}
                </td>
                <td className={CELL}>
                  <div
                    aria-hidden
                    className="relative h-3 w-32 rounded bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle"
                  >
                    <div className="absolute inset-y-0 left-1/2 w-px bg-tremor-content-subtle" />
                    <div
                      className={`absolute inset-y-0.5 rounded ${sample.advantage >= 0 ? 'bg-emerald-500' : 'bg-rose-500'}`}
                      style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                    />
                  </div>
                </td>
                <td className={CELL}>
                  <TerminationBadge reason={sample.termination_reason} />
                </td>
                <td className={`${CELL} text-right tabular-nums`}>{sample.step_count}</td>
                <td className={CELL}>
                  {sample.tool_path.length === 0 ? (
                    <span className="text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
                      no tool calls
                    </span>
                  ) : (
                    <ol className="flex flex-wrap items-center gap-0.5 font-mono">
                      {sample.tool_path.map((call, i) => (
                        <li
                          key={i}
                          title={call.failed ? `${call.tool} failed` : call.tool}
                          className={`rounded px-1 ${
                            call.failed
                              ? 'bg-rose-100 text-rose-800 line-through dark:bg-rose-950 dark:text-rose-300'
                              : 'bg-tremor-background-subtle dark:bg-dark-tremor-background-subtle'
                          }`}
                        >
                          {call.tool}
                          {call.failed ? <span className="sr-only"> (failed)</span> : null}
                        </li>
                      ))}
                      {sample.tool_call_count > sample.tool_path.length ? (
                        <li
                          className="px-1 text-tremor-content dark:text-dark-tremor-content"
                          data-testid="tool-path-more"
                        >
                          … {formatInteger(sample.tool_call_count - sample.tool_path.length)} more calls
                        </li>
                      ) : null}
                    </ol>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
