import type { ToolReturnStats } from '@/lib/analysis/stats/tool-return-stats';
import { formatInteger, formatPercent } from '@/lib/chart-data/format';
import { toolReturnRows } from '@/lib/chart-data/overview';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/empty-state';
import { withPooled, type Extent } from './pooled';

export interface ToolReturnsCardProps {
  stats: ToolReturnStats;
  /** What the selection spans: a figure pooled over several epochs or runs says so. */
  extent?: Extent | null;
}

const HEAD = 'py-1.5 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';

/** Per tool: calls (bar: grey succeeded, red failed) and failure rate. */
export function ToolReturnsCard({ stats, extent = null }: ToolReturnsCardProps) {
  const { rows, hidden } = toolReturnRows(stats);
  return (
    <Card
      title="Tool calls"
      subtitle={withPooled(
        `${formatInteger(stats.total_calls)} calls · ${formatPercent(stats.failure_rate)} failed`,
        extent,
      )}
      testId="card-tool-returns"
    >
      {rows.length === 0 ? (
        <EmptyState title="No tool calls" body="No trajectory in this selection called a tool." />
      ) : (
        <table className="w-full table-fixed text-xs">
          <thead>
            <tr className="border-b border-tremor-border dark:border-dark-tremor-border">
              <th scope="col" className={`${HEAD} w-2/5 text-left`}>
                Tool
              </th>
              <th scope="col" className={`${HEAD} text-left`}>
                <span className="sr-only">Calls bar</span>
              </th>
              <th scope="col" className={`${HEAD} w-16 text-right`}>
                Calls
              </th>
              <th scope="col" className={`${HEAD} w-20 text-right`}>
                Failed
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.tool}
                className="border-b border-tremor-border last:border-b-0 dark:border-dark-tremor-border"
              >
                <th
                  scope="row"
                  className="truncate py-1.5 pr-2 text-left font-mono font-normal"
                  title={row.tool}
                >
                  {row.tool}
                </th>
                <td className="py-1.5 pr-2" aria-hidden="true">
                  <div className="flex h-2 overflow-hidden rounded-sm">
                    <div
                      className="bg-slate-300 dark:bg-slate-600"
                      style={{ width: `${(row.callShare - row.failureShare) * 100}%` }}
                    />
                    <div className="bg-rose-500" style={{ width: `${row.failureShare * 100}%` }} />
                  </div>
                </td>
                <td className="py-1.5 text-right tabular-nums">{formatInteger(row.calls)}</td>
                <td
                  className={`py-1.5 text-right tabular-nums ${row.failureRate > 0 ? 'text-rose-600 dark:text-rose-400' : 'text-tremor-content dark:text-dark-tremor-content'}`}
                >
                  {formatPercent(row.failureRate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 ? (
        <p className="pt-2 text-xs text-tremor-content-subtle dark:text-dark-tremor-content-subtle">
          and {hidden} less-used {hidden === 1 ? 'tool' : 'tools'}
        </p>
      ) : null}
    </Card>
  );
}
