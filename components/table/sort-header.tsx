import Link from 'next/link';
import { HeaderCell, type CellAlign } from './header-cell';

export interface SortHeaderProps {
  label: string;
  /** Where clicking goes: the same view sorted by this column (next direction). */
  href: string;
  direction: 'ascending' | 'descending' | 'none';
  align?: CellAlign;
  title?: string;
}

const ARROW = { ascending: '▲', descending: '▼', none: '↕' } as const;

/** A sortable column header: a link to the URL sorted by it, with the current direction shown and announced. */
export function SortHeader({ label, href, direction, align, title }: SortHeaderProps) {
  return (
    <HeaderCell align={align} title={title} sort={direction}>
      <Link
        prefetch={false}
        href={href}
        scroll={false}
        className="inline-flex items-center gap-1 hover:text-tremor-content-strong dark:hover:text-dark-tremor-content-strong"
      >
        {label}
        <span aria-hidden="true" className="text-[10px]">
          {ARROW[direction]}
        </span>
      </Link>
    </HeaderCell>
  );
}
