'use client';

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipProps,
} from 'recharts';
import { valueAxis } from '@/lib/chart-data/axis-ticks';
import { formatValue } from '@/lib/chart-data/format';
import { formatHealthValue, type HealthChartRow } from '@/lib/chart-data/run-health';
import type { ValueFormat } from '@/lib/chart-data/types';
import { GRID_PROPS, TOOLTIP_PROPS, xAxisProps, yAxisProps } from '../charts/recharts-props';
import { ChartFrame } from '../charts/chart-frame';

export interface HealthChartProps {
  rows: HealthChartRow[];
  format: ValueFormat;
  /** The chart's accessible name. */
  label: string;
}

const LEGEND = [
  { key: 'value', label: 'Value', swatch: 'h-0.5 w-4 bg-blue-500' },
  { key: 'baseline', label: 'Baseline', swatch: 'h-0 w-4 border-t-2 border-dashed border-slate-400' },
  { key: 'warning', label: 'Fired: warning', swatch: 'h-2.5 w-2.5 rounded-full bg-amber-500' },
  { key: 'critical', label: 'Fired: critical', swatch: 'h-2.5 w-2.5 rounded-full bg-rose-600' },
] as const;

function Legend({ fired }: { fired: { warning: boolean; critical: boolean } }) {
  return (
    <ul className="flex flex-wrap justify-end gap-x-4 gap-y-1 text-tremor-label text-tremor-content dark:text-dark-tremor-content">
      {LEGEND.filter((item) => item.key !== 'warning' || fired.warning)
        .filter((item) => item.key !== 'critical' || fired.critical)
        .map((item) => (
          <li key={item.key} className="flex items-center gap-1.5">
            <span className={`inline-block ${item.swatch}`} aria-hidden />
            {item.label}
          </li>
        ))}
    </ul>
  );
}

function HealthTooltip({
  active,
  label,
  rows,
  format,
}: TooltipProps<number, string> & { rows: HealthChartRow[]; format: ValueFormat }) {
  const row = rows.find((r) => r.epoch === label);
  if (!active || !row) return null;
  const fired = row.critical !== null ? 'critical' : row.warning !== null ? 'warning' : null;
  return (
    <div className="rounded-tremor-default border border-tremor-border bg-tremor-background px-3 py-2 text-tremor-default shadow-tremor-dropdown dark:border-dark-tremor-border dark:bg-dark-tremor-background">
      <p className="font-medium text-tremor-content-emphasis dark:text-dark-tremor-content-emphasis">
        Epoch {row.epoch}
      </p>
      {row.value === null ? (
        <p className="text-tremor-content dark:text-dark-tremor-content">not judged</p>
      ) : (
        <>
          <p className="text-tremor-content dark:text-dark-tremor-content">
            Value{' '}
            <span className="font-medium tabular-nums text-tremor-content-strong dark:text-dark-tremor-content-strong">
              {formatHealthValue(format, row.value)}
            </span>
          </p>
          <p className="text-tremor-content dark:text-dark-tremor-content">
            Baseline{' '}
            <span className="tabular-nums">
              {row.baseline === null ? 'none yet' : formatHealthValue(format, row.baseline)}
            </span>
          </p>
          {fired ? (
            <p className={fired === 'critical' ? 'text-rose-600' : 'text-amber-600'}>fired: {fired}</p>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * A detector's figure per epoch: the value, its baseline (dashed) and a dot where it fired (amber: warning, red:
 * critical). Epochs it did not judge are gaps, never zeros.
 */
export function HealthChart({ rows, format, label }: HealthChartProps) {
  const axis = valueAxis(
    { index: 'epoch', categories: ['value', 'baseline'], colors: ['blue', 'slate'], rows: [...rows] },
    format,
  );
  const fired = {
    warning: rows.some((r) => r.warning !== null),
    critical: rows.some((r) => r.critical !== null),
  };
  return (
    <ChartFrame label={label}>
      <Legend fired={fired} />
      <div className="h-48 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid {...GRID_PROPS} />
            <XAxis {...xAxisProps('epoch', { padding: 12, minTickGap: 8 })} />
            <YAxis {...yAxisProps(axis, (value: number) => formatValue(format, value))} />
            <Tooltip {...TOOLTIP_PROPS} content={<HealthTooltip rows={rows} format={format} />} />
            <Line
              dataKey="baseline"
              type="linear"
              stroke=""
              className="stroke-slate-400"
              strokeWidth={1.5}
              strokeDasharray="5 4"
              dot={false}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Line
              dataKey="value"
              type="linear"
              stroke=""
              className="stroke-blue-500"
              strokeWidth={2}
              dot={{ r: 2.5, strokeWidth: 0, className: 'fill-blue-500' }}
              activeDot={{ r: 4, strokeWidth: 0, className: 'fill-blue-500' }}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Line
              dataKey="warning"
              type="linear"
              stroke="none"
              dot={{ r: 6, strokeWidth: 2, className: 'fill-amber-500 stroke-white dark:stroke-gray-900' }}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
              legendType="none"
            />
            <Line
              dataKey="critical"
              type="linear"
              stroke="none"
              dot={{ r: 6, strokeWidth: 2, className: 'fill-rose-600 stroke-white dark:stroke-gray-900' }}
              activeDot={false}
              isAnimationActive={false}
              connectNulls={false}
              legendType="none"
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
