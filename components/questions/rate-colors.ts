/** Cell colours of the success-rate scale, lowest step first (red through green, readable text in both themes). */
export const RATE_CLASSES = [
  'bg-rose-200 text-rose-950 dark:bg-rose-900 dark:text-rose-50',
  'bg-orange-200 text-orange-950 dark:bg-orange-800 dark:text-orange-50',
  'bg-amber-200 text-amber-950 dark:bg-amber-700 dark:text-amber-50',
  'bg-lime-200 text-lime-950 dark:bg-lime-700 dark:text-lime-50',
  'bg-emerald-300 text-emerald-950 dark:bg-emerald-700 dark:text-emerald-50',
] as const;
