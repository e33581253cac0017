import type { ReactNode } from 'react';

export type CellAlign = 'left' | 'right';

const HEADER_CELL = 'px-2 py-1.5 text-xs font-medium text-tremor-content dark:text-dark-tremor-content';

export interface HeaderCellProps {
  children: ReactNode;
  align?: CellAlign;
  /** Hover text explaining the column. */
  title?: string;
  /** How the column is sorted, when it is (aria-sort). */
  sort?: 'ascending' | 'descending' | 'none';
  className?: string;
}

/** The column header of every data table: one look, one alignment rule. */
export function HeaderCell({ children, align = 'left', title, sort, className = '' }: HeaderCellProps) {
  return (
    <th
      scope="col"
      title={title}
      aria-sort={sort}
      className={`${HEADER_CELL} ${align === 'right' ? 'text-right' : 'text-left'} ${className}`.trimEnd()}
    >
      {children}
    </th>
  );
}
