/**
 * The figures every method must agree on: per epoch, average reward, pass@1, pass@4 and the termination mix, for one
 * run and for all runs. Values are keyed `<epoch>` (or `<epoch>|<reason>` for the termination mix).
 */
export const FIGURES = ['avg_reward', 'pass_at_1', 'pass_at_4', 'termination_mix'] as const;
export type Figure = (typeof FIGURES)[number];

export interface Scope {
  label: string;
  /** null: every run. */
  trainingId: string | null;
  /**
   * Keep only rows with reward ≥ this (null: every reward). A filter on rows, so no figure can come from per-question
   * totals kept between requests: each request passes over the rows.
   */
  rewardMin: number | null;
}

export type FigureValues = Map<string, number>;

export interface FigureMethod {
  name: string;
  compute(figure: Figure, scope: Scope): Promise<FigureValues>;
}

export const TOLERANCE = 1e-9;

export const passK = (figure: Figure) => (figure === 'pass_at_4' ? 4 : 1);

/** Where `a` and `b` differ (missing keys or values further apart than TOLERANCE); empty when they agree. */
export function differences(a: FigureValues, b: FigureValues): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x === undefined || y === undefined || !(Math.abs(x - y) <= TOLERANCE))
      out.push(`${key}: ${x} vs ${y}`);
  }
  return out;
}

/** Unbiased pass@k of one question with n samples, c of them successes (n ≥ k). */
export function passAtKOf(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  let miss = 1;
  for (let i = n - c + 1; i <= n; i++) miss *= 1 - k / i;
  return 1 - miss;
}
