'use client';

import { markSlices, donutPaths, type MarkedSlice } from '@/lib/chart-data/donut-selection';
import { formatCompact, formatInteger, formatPercent } from '@/lib/chart-data/format';
import type { DonutSlice } from '@/lib/chart-data/overview';
import { Swatch } from '../ui/badge';
import { COLOR_CLASSES } from '../ui/color-classes';
import { ChartFrame } from './chart-frame';

export interface TerminationDonutProps {
  slices: DonutSlice[];
  total: number;
  /** Called with the reason of a clicked slice or legend entry ("other" is not selectable). */
  onSelect?: (reason: string) => void;
  /** Reasons currently filtered on: marked, the other slices dimmed but still drawn. */
  selected?: readonly string[];
}

const MARK_OPACITY: Record<MarkedSlice['mark'], string> = {
  active: 'opacity-100',
  plain: 'opacity-100',
  dimmed: 'opacity-25',
};

function sliceTitle(slice: MarkedSlice, total: number): string {
  return `${slice.name}: ${formatInteger(slice.count)} (${formatPercent(total > 0 ? slice.count / total : 0)})`;
}

/** How trajectories ended: a donut with a legend of counts and shares; reasons filtered on stand out. */
export function TerminationDonut({ slices, total, onSelect, selected = [] }: TerminationDonutProps) {
  const marked = markSlices(slices, selected);
  const paths = donutPaths(marked.map((s) => s.count));
  const selectable = (slice: MarkedSlice) => Boolean(onSelect) && slice.selectable;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-center gap-4">
        <ChartFrame label="Termination reasons">
          <svg viewBox="0 0 100 100" className="h-40 w-40 shrink-0" data-testid="termination-donut">
            {marked.map((slice, i) =>
              paths[i] ? (
                <path
                  key={slice.name}
                  d={paths[i]}
                  data-mark={slice.mark}
                  className={`stroke-tremor-background stroke-[0.75] transition-opacity dark:stroke-dark-tremor-background ${COLOR_CLASSES[slice.color].fill} ${MARK_OPACITY[slice.mark]} ${selectable(slice) ? 'cursor-pointer hover:opacity-80' : ''}`}
                  onClick={selectable(slice) ? () => onSelect?.(slice.name) : undefined}
                >
                  <title>{sliceTitle(slice, total)}</title>
                </path>
              ) : null,
            )}
            <text
              x="50"
              y="50"
              textAnchor="middle"
              dominantBaseline="central"
              className="fill-tremor-content-emphasis text-[11px] dark:fill-dark-tremor-content-emphasis"
            >
              {formatCompact(total)}
            </text>
          </svg>
        </ChartFrame>
        <ul aria-label="Termination reasons" className="min-w-[11rem] flex-1 space-y-1 text-xs">
          {marked.map((slice) => {
            const content = (
              <>
                <Swatch color={slice.color} />
                <span className="min-w-0 flex-1 truncate text-left" title={slice.name}>
                  {slice.name}
                </span>
                <span className="tabular-nums text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
                  {formatInteger(slice.count)}
                </span>
                <span className="w-12 text-right tabular-nums text-tremor-content dark:text-dark-tremor-content">
                  {formatPercent(slice.ratio)}
                </span>
              </>
            );
            const dim = slice.mark === 'dimmed' ? 'opacity-50' : '';
            return (
              <li key={slice.name} data-mark={slice.mark}>
                {selectable(slice) ? (
                  <button
                    type="button"
                    aria-pressed={slice.mark === 'active'}
                    aria-label={`Filter termination_reason: ${slice.name}`}
                    onClick={() => onSelect?.(slice.name)}
                    className={`flex w-full items-center gap-2 rounded px-1.5 py-1 hover:bg-tremor-background-muted hover:opacity-100 dark:hover:bg-dark-tremor-background-muted ${
                      slice.mark === 'active'
                        ? 'bg-tremor-brand-faint font-medium ring-1 ring-inset ring-tremor-brand-muted dark:bg-dark-tremor-brand-faint dark:ring-dark-tremor-brand-muted'
                        : dim
                    }`}
                  >
                    {content}
                  </button>
                ) : (
                  <div className={`flex items-center gap-2 px-1.5 py-1 ${dim}`}>{content}</div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {selected.length > 0 ? (
        <p
          className="text-xs text-tremor-content dark:text-dark-tremor-content"
          data-testid="donut-selection"
        >
          Filtered on{' '}
          <strong className="font-medium text-tremor-content-strong dark:text-dark-tremor-content-strong">
            {selected.join(', ')}
          </strong>
          ; the other categories stay dimmed for comparison.
          {onSelect && selected.length === 1 ? ' Click it again to show all.' : ''}
        </p>
      ) : null}
    </div>
  );
}
