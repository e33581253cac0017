import type { ReactNode } from 'react';
import { categoryColor } from '@/lib/chart-data/colors';
import type { ChartColor } from '@/lib/chart-data/types';
import { COLOR_CLASSES } from './color-classes';

export interface BadgeProps {
  color: ChartColor;
  children: ReactNode;
  title?: string;
}

export function Badge({ color, children, title }: BadgeProps) {
  return (
    <span
      title={title}
      className={`inline-flex max-w-full items-center truncate rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${COLOR_CLASSES[color].badge}`}
    >
      {children}
    </span>
  );
}

/** A termination reason, in the colour every chart uses for it. */
export function TerminationBadge({ reason }: { reason: string }) {
  return (
    <Badge color={categoryColor(reason)} title={reason}>
      {reason}
    </Badge>
  );
}

/** Whether a tool call succeeded; nothing for steps that called no tool. */
export function ToolStatusBadge({ status }: { status: 'success' | 'error' | null }) {
  if (status === null) return null;
  return <Badge color={status === 'success' ? 'emerald' : 'rose'}>{status}</Badge>;
}

/** The little colour square of a legend entry. */
export function Swatch({ color }: { color: ChartColor }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block h-2.5 w-2.5 shrink-0 rounded-sm ${COLOR_CLASSES[color].swatch}`}
    />
  );
}
