'use client';

import { DonutChart, type EventProps } from '@tremor/react';
import { formatCompact, formatInteger, formatPercent } from '@/lib/chart-data/format';
import type { DonutSlice } from '@/lib/chart-data/overview';
import { Swatch } from '../ui/badge';
import { ChartFrame } from './chart-frame';

export interface TerminationDonutProps {
  slices: DonutSlice[];
  total: number;
  /** Called with the reason of a clicked slice or legend entry ("other" is not selectable). */
  onSelect?: (reason: string) => void;
  /** Reasons currently filtered on, highlighted in the legend. */
  selected?: readonly string[];
}

/** How trajectories ended: a donut with a legend of counts and shares. */
export function TerminationDonut({ slices, total, onSelect, selected = [] }: TerminationDonutProps) {
  const selectable = (name: string) =>
    Boolean(onSelect) && slices.some((s) => s.name === name && s.selectable);
  const onValueChange = (event: EventProps) => {
    const name = event ? String(event.name) : '';
    if (onSelect && selectable(name)) onSelect(name);
  };
  return (
    <div className="flex flex-wrap items-start justify-center gap-4">
      <ChartFrame label="Termination reasons">
        <DonutChart
          className="h-40 w-40 shrink-0"
          data={slices}
          index="name"
          category="count"
          colors={slices.map((s) => s.color)}
          valueFormatter={(value: number) =>
            `${formatInteger(value)} (${formatPercent(total > 0 ? value / total : 0)})`
          }
          label={formatCompact(total)}
          showAnimation={false}
          onValueChange={onSelect ? onValueChange : undefined}
        />
      </ChartFrame>
      <ul aria-label="Termination reasons" className="min-w-[11rem] flex-1 space-y-1 text-xs">
        {slices.map((slice) => {
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
          const active = selected.includes(slice.name);
          return (
            <li key={slice.name}>
              {selectable(slice.name) ? (
                <button
                  type="button"
                  aria-pressed={active}
                  aria-label={`Filter termination_reason: ${slice.name}`}
                  onClick={() => onSelect?.(slice.name)}
                  className={`flex w-full items-center gap-2 rounded px-1.5 py-1 hover:bg-tremor-background-muted dark:hover:bg-dark-tremor-background-muted ${
                    active ? 'bg-tremor-brand-faint dark:bg-dark-tremor-brand-faint' : ''
                  }`}
                >
                  {content}
                </button>
              ) : (
                <div className="flex items-center gap-2 px-1.5 py-1">{content}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
