/** Tremor colour names used by the charts; the Tailwind safelist generates their stroke/fill/bg/text classes. */
export type ChartColor =
  | 'blue'
  | 'emerald'
  | 'amber'
  | 'rose'
  | 'violet'
  | 'cyan'
  | 'fuchsia'
  | 'lime'
  | 'indigo'
  | 'teal'
  | 'orange'
  | 'pink'
  | 'sky'
  | 'slate'
  | 'gray';

/** One row of a chart: the index value (epoch, run, …) and one number per category; null is a gap, not a zero. */
export type SeriesRow = { [key: string]: string | number | null };

/** Everything a Tremor chart needs: which key is the x axis, which keys are drawn, in which colours. */
export interface ChartSeries {
  index: string;
  categories: string[];
  colors: ChartColor[];
  rows: SeriesRow[];
}

/** A shaded interval around a category's line: the row keys holding its low and high ends (null: no band there). */
export interface ChartBand {
  category: string;
  low: string;
  high: string;
}

/** Lines with confidence bands around some of them. */
export interface BandedSeries extends ChartSeries {
  bands: ChartBand[];
}

/** How chart values are printed (a name, so server components can choose it for client charts). */
export type ValueFormat = 'percent' | 'reward' | 'count';
