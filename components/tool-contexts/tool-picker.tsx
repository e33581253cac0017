import Link from 'next/link';
import { dashboardHref, type DashboardParams } from '@/lib/search-params';
import { formatInteger } from '@/lib/chart-data/format';

export interface ToolPickerProps {
  /** Failed calls per tool, most first. */
  tools: Record<string, number>;
  /** The tool shown (null: all). */
  active: string | null;
  params: DashboardParams;
  pathname?: string;
}

function Chip({
  href,
  label,
  count,
  current,
}: {
  href: string;
  label: string;
  count: number;
  current: boolean;
}) {
  return (
    <Link
      prefetch={false}
      href={href}
      scroll={false}
      aria-current={current ? 'true' : undefined}
      className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs ${
        current
          ? 'border-tremor-brand bg-tremor-brand-faint font-medium text-tremor-brand dark:border-dark-tremor-brand dark:bg-dark-tremor-brand-faint dark:text-dark-tremor-brand-emphasis'
          : 'border-tremor-border text-tremor-content-emphasis hover:bg-tremor-background-muted dark:border-dark-tremor-border dark:text-dark-tremor-content-emphasis dark:hover:bg-dark-tremor-background-muted'
      }`}
    >
      <span className="font-mono">{label}</span>
      <span className="tabular-nums text-tremor-content dark:text-dark-tremor-content">
        {formatInteger(count)}
      </span>
    </Link>
  );
}

/** Chips that narrow the failed calls to one tool (`tool` in the URL). */
export function ToolPicker({ tools, active, params, pathname }: ToolPickerProps) {
  const total = Object.values(tools).reduce((sum, n) => sum + n, 0);
  const href = (tool: string | null) =>
    dashboardHref(params, { tool, page: null, trajectory: null }, pathname);
  return (
    <nav aria-label="Failed tool" data-testid="tool-picker" className="flex flex-wrap gap-1.5">
      <Chip href={href(null)} label="all tools" count={total} current={active === null} />
      {Object.entries(tools).map(([tool, count]) => (
        <Chip key={tool} href={href(tool)} label={tool} count={count} current={active === tool} />
      ))}
    </nav>
  );
}
