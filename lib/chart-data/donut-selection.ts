import { categoryColors, OTHER_CATEGORY } from './colors';
import type { DonutSlice } from './overview';

/** How a slice is drawn against the reasons filtered on. */
export type SliceMark = 'active' | 'dimmed' | 'plain';

export interface MarkedSlice extends DonutSlice {
  mark: SliceMark;
}

/**
 * Marks the slices of a donut computed without the termination filter: the reasons filtered on are active, the rest
 * dimmed (all plain when nothing is selected). A selected reason too rare to have its own slice makes "other" active.
 * Colours are reassigned together so no two slices share one.
 */
export function markSlices(slices: readonly DonutSlice[], selected: readonly string[]): MarkedSlice[] {
  const names = new Set(slices.map((s) => s.name));
  const inOther = selected.some((reason) => !names.has(reason)) && names.has(OTHER_CATEGORY);
  const colors = categoryColors(slices.map((s) => s.name));
  return slices.map((slice, i) => {
    const active = selected.includes(slice.name) || (inOther && slice.name === OTHER_CATEGORY);
    const mark: SliceMark = selected.length === 0 ? 'plain' : active ? 'active' : 'dimmed';
    return { ...slice, color: colors[i], mark };
  });
}

/** Radii of the donut ring in a 100 × 100 view box. */
export const DONUT_OUTER = 50;
export const DONUT_INNER = 37.5;

/** A point on a circle around the view box centre, angles clockwise from 12 o'clock as a fraction of a turn. */
function point(radius: number, turn: number): string {
  const angle = 2 * Math.PI * turn;
  const x = DONUT_OUTER + radius * Math.sin(angle);
  const y = DONUT_OUTER - radius * Math.cos(angle);
  return `${Number(x.toFixed(3))} ${Number(y.toFixed(3))}`;
}

/** A ring from one turn fraction to another: outer arc clockwise, inner arc back. */
function ringSegment(from: number, to: number): string {
  const large = to - from > 0.5 ? 1 : 0;
  return [
    `M ${point(DONUT_OUTER, from)}`,
    `A ${DONUT_OUTER} ${DONUT_OUTER} 0 ${large} 1 ${point(DONUT_OUTER, to)}`,
    `L ${point(DONUT_INNER, to)}`,
    `A ${DONUT_INNER} ${DONUT_INNER} 0 ${large} 0 ${point(DONUT_INNER, from)}`,
    'Z',
  ].join(' ');
}

/**
 * SVG paths of the donut's slices, clockwise from 12 o'clock in the given order, each as large as its share of the
 * total. A zero slice has an empty path; a slice that is the whole total is drawn as two halves (an arc cannot end
 * where it starts).
 */
export function donutPaths(values: readonly number[]): string[] {
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
  let start = 0;
  return values.map((value) => {
    const share = total > 0 ? Math.max(0, value) / total : 0;
    const from = start;
    start += share;
    if (share === 0) return '';
    if (share >= 1) return `${ringSegment(0, 0.5)} ${ringSegment(0.5, 1)}`;
    return ringSegment(from, from + share);
  });
}
