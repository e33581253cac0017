import type { ChartColor } from '@/lib/chart-data/types';

/**
 * Tailwind classes per chart colour, written out in full so Tailwind finds them in this file (class names built at
 * run time would be purged, and the safelist has no dark: variants).
 */
export const COLOR_CLASSES: Record<ChartColor, { swatch: string; fill: string; badge: string }> = {
  blue: {
    swatch: 'bg-blue-500',
    fill: 'fill-blue-500',
    badge:
      'bg-blue-50 text-blue-700 ring-blue-600/20 dark:bg-blue-400/10 dark:text-blue-300 dark:ring-blue-400/30',
  },
  emerald: {
    swatch: 'bg-emerald-500',
    fill: 'fill-emerald-500',
    badge:
      'bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30',
  },
  amber: {
    swatch: 'bg-amber-500',
    fill: 'fill-amber-500',
    badge:
      'bg-amber-50 text-amber-700 ring-amber-600/20 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30',
  },
  rose: {
    swatch: 'bg-rose-500',
    fill: 'fill-rose-500',
    badge:
      'bg-rose-50 text-rose-700 ring-rose-600/20 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30',
  },
  violet: {
    swatch: 'bg-violet-500',
    fill: 'fill-violet-500',
    badge:
      'bg-violet-50 text-violet-700 ring-violet-600/20 dark:bg-violet-400/10 dark:text-violet-300 dark:ring-violet-400/30',
  },
  cyan: {
    swatch: 'bg-cyan-500',
    fill: 'fill-cyan-500',
    badge:
      'bg-cyan-50 text-cyan-700 ring-cyan-600/20 dark:bg-cyan-400/10 dark:text-cyan-300 dark:ring-cyan-400/30',
  },
  fuchsia: {
    swatch: 'bg-fuchsia-500',
    fill: 'fill-fuchsia-500',
    badge:
      'bg-fuchsia-50 text-fuchsia-700 ring-fuchsia-600/20 dark:bg-fuchsia-400/10 dark:text-fuchsia-300 dark:ring-fuchsia-400/30',
  },
  lime: {
    swatch: 'bg-lime-500',
    fill: 'fill-lime-500',
    badge:
      'bg-lime-50 text-lime-700 ring-lime-600/20 dark:bg-lime-400/10 dark:text-lime-300 dark:ring-lime-400/30',
  },
  indigo: {
    swatch: 'bg-indigo-500',
    fill: 'fill-indigo-500',
    badge:
      'bg-indigo-50 text-indigo-700 ring-indigo-600/20 dark:bg-indigo-400/10 dark:text-indigo-300 dark:ring-indigo-400/30',
  },
  teal: {
    swatch: 'bg-teal-500',
    fill: 'fill-teal-500',
    badge:
      'bg-teal-50 text-teal-700 ring-teal-600/20 dark:bg-teal-400/10 dark:text-teal-300 dark:ring-teal-400/30',
  },
  orange: {
    swatch: 'bg-orange-500',
    fill: 'fill-orange-500',
    badge:
      'bg-orange-50 text-orange-700 ring-orange-600/20 dark:bg-orange-400/10 dark:text-orange-300 dark:ring-orange-400/30',
  },
  pink: {
    swatch: 'bg-pink-500',
    fill: 'fill-pink-500',
    badge:
      'bg-pink-50 text-pink-700 ring-pink-600/20 dark:bg-pink-400/10 dark:text-pink-300 dark:ring-pink-400/30',
  },
  sky: {
    swatch: 'bg-sky-500',
    fill: 'fill-sky-500',
    badge: 'bg-sky-50 text-sky-700 ring-sky-600/20 dark:bg-sky-400/10 dark:text-sky-300 dark:ring-sky-400/30',
  },
  slate: {
    swatch: 'bg-slate-500',
    fill: 'fill-slate-500',
    badge:
      'bg-slate-50 text-slate-700 ring-slate-600/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30',
  },
  gray: {
    swatch: 'bg-gray-500',
    fill: 'fill-gray-500',
    badge:
      'bg-gray-50 text-gray-700 ring-gray-600/20 dark:bg-gray-400/10 dark:text-gray-300 dark:ring-gray-400/30',
  },
};
