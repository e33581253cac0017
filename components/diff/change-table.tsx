import { Badge } from '@/components/ui/badge';
import { TextLink } from '@/components/ui/links';
import type { ChangeRow } from '@/lib/chart-data/diff';
import { HeaderCell } from '../table/header-cell';

const CELL = 'px-2 py-1 tabular-nums';
const TREND = { up: '↑', down: '↓', same: '=', none: '' } as const;
const STATUS = { added: 'emerald', appeared: 'rose', dropped: 'gray', vanished: 'emerald' } as const;

function Figure({ text, href }: { text: string; href: string | null }) {
  return href ? <TextLink href={href}>{text}</TextLink> : <>{text}</>;
}

export interface ChangeTableProps {
  /** What the rows are: "Figure", "Tool", "Error". */
  caption: string;
  a: string;
  b: string;
  rows: readonly ChangeRow[];
  /** Long labels (error messages) wrap instead of widening the table. */
  wrapLabels?: boolean;
  testId?: string;
}

/** Side a against side b, one row per figure, each figure linking to the trajectories behind it. */
export function ChangeTable({ caption, a, b, rows, wrapLabels = false, testId }: ChangeTableProps) {
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs" data-testid={testId}>
        <thead>
          <tr className="border-b border-tremor-border text-right dark:border-dark-tremor-border">
            <HeaderCell>{caption}</HeaderCell>
            <HeaderCell align="right">{a}</HeaderCell>
            <HeaderCell align="right">{b}</HeaderCell>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.label}
              className="border-b border-tremor-border text-right last:border-b-0 dark:border-dark-tremor-border"
            >
              <th
                scope="row"
                className={`${CELL} text-left font-normal ${wrapLabels ? 'break-words [overflow-wrap:anywhere]' : 'whitespace-nowrap'}`}
              >
                <span className="mr-1">{row.label}</span>
                {row.status ? <Badge color={STATUS[row.status]}>{row.status}</Badge> : null}
              </th>
              <td className={`${CELL} whitespace-nowrap`}>
                <Figure text={row.a} href={row.hrefA} />
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <Figure text={row.b} href={row.hrefB} />
                {row.trend !== 'none' ? (
                  <span aria-hidden className="ml-1 text-tremor-content-subtle">
                    {TREND[row.trend]}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
