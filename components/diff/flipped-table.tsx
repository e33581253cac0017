import { Badge } from '@/components/ui/badge';
import { TextLink } from '@/components/ui/links';
import type { FlippedRow } from '@/lib/chart-data/diff';
import { HeaderCell } from '../table/header-cell';

const CELL = 'px-2 py-1.5 tabular-nums';

export interface FlippedTableProps {
  rows: readonly FlippedRow[];
  a: string;
  b: string;
}

/** The questions that flipped, one row each: the change, its figures, and the pair of trajectories side by side. */
export function FlippedTable({ rows, a, b }: FlippedTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid="diff-flipped-table">
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <HeaderCell>Question</HeaderCell>
            <HeaderCell>Flip</HeaderCell>
            <HeaderCell align="right" title={`Success rate on ${a} → on ${b}`}>
              Success
            </HeaderCell>
            <HeaderCell align="right">Tool calls</HeaderCell>
            <HeaderCell align="right">Steps</HeaderCell>
            <HeaderCell>Tools</HeaderCell>
            <HeaderCell>Trajectories</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.dataId}
              data-testid="diff-flipped-row"
              className="border-b border-tremor-border text-right align-top last:border-b-0 dark:border-dark-tremor-border"
            >
              <th
                scope="row"
                className={`${CELL} max-w-[14rem] text-left font-mono font-normal [overflow-wrap:anywhere]`}
              >
                <TextLink href={row.questionHref}>{row.dataId}</TextLink>
              </th>
              <td className={`${CELL} text-left`}>
                <Badge color={row.direction === 'newly_solved' ? 'emerald' : 'rose'}>
                  {row.direction === 'newly_solved' ? 'newly solved' : 'regressed'}
                </Badge>
              </td>
              <td className={`${CELL} whitespace-nowrap`} title={row.delta}>
                {row.rates}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>{row.toolCalls}</td>
              <td className={`${CELL} whitespace-nowrap`}>{row.steps}</td>
              <td className={`${CELL} min-w-[8rem] text-left`}>
                {row.toolsAdded.map((tool) => (
                  <span key={`+${tool}`} className="mr-1 inline-block text-emerald-700 dark:text-emerald-400">
                    +{tool}
                  </span>
                ))}
                {row.toolsDropped.map((tool) => (
                  <span key={`-${tool}`} className="mr-1 inline-block text-rose-600 dark:text-rose-400">
                    −{tool}
                  </span>
                ))}
                {row.errorsAppeared + row.errorsVanished > 0 ? (
                  <span className="block text-tremor-content">
                    errors: {row.errorsAppeared} new, {row.errorsVanished} gone
                  </span>
                ) : null}
              </td>
              <td className={`${CELL} whitespace-nowrap text-left`}>
                <TextLink href={row.hrefA} title={`Its samples on ${a}`}>
                  side a
                </TextLink>
                {' · '}
                <TextLink href={row.hrefB} title={`Its samples on ${b}`}>
                  side b
                </TextLink>
                {' · '}
                <TextLink href={row.compareHref} data-testid="diff-pair-link">
                  side by side
                  {row.firstDivergentStep !== null ? ` from step ${row.firstDivergentStep}` : ''}
                </TextLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
