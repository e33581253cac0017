import Link from 'next/link';
import { formatInteger } from '@/lib/chart-data/format';
import { STEP_WINDOW } from '@/lib/limits';

const LINK = 'font-medium text-tremor-brand hover:underline dark:text-dark-tremor-brand';

export interface StepWindowNavProps {
  from: number;
  shown: number;
  total: number;
  windowHref?: (from: number) => string;
  /** Steps (or positions) of a window. */
  size?: number;
}

/** "Steps 201–400 of 3,000" with links to the first, previous, next and last windows (when they can be linked). */
export function StepWindowNav({ from, shown, total, windowHref, size = STEP_WINDOW }: StepWindowNavProps) {
  const last = Math.floor((total - 1) / size) * size;
  const links: [string, number][] = windowHref
    ? [
        ...(from > 0
          ? ([
              ['« First', 0],
              ['‹ Previous', from - size],
            ] as [string, number][])
          : []),
        ...(from < last
          ? ([
              ['Next ›', from + size],
              ['Last »', last],
            ] as [string, number][])
          : []),
      ]
    : [];
  return (
    <nav
      aria-label="Step windows"
      data-testid="step-window-nav"
      className="flex flex-wrap items-center gap-3 text-xs text-tremor-content dark:text-dark-tremor-content"
    >
      <span className="tabular-nums">
        Steps {formatInteger(from + 1)}–{formatInteger(from + shown)} of {formatInteger(total)}
        {windowHref ? null : ' (the full page shows the others)'}
      </span>
      {links.map(([label, start]) => (
        <Link key={label} prefetch={false} href={windowHref!(start)} className={LINK}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
