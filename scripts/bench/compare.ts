import { differences, FIGURES, type Figure, type FigureMethod, type Scope } from './figures';
import type { PlanMethod } from './figures-plan';
import { median, timed } from './timing';

export interface FigureRow {
  scope: string;
  figure: Figure;
  /** Keys (epochs, or epoch × reason) the three methods agreed on. */
  values: number;
  oursMs: number;
  duckdbMs: number;
  /** null: the plan's method was not run (see PLAN_MAX_ROWS). */
  planMs: number | null;
}

/**
 * Above this many rows the plan's method is not run: it holds every column of every row (steps_json included) as JS
 * values at once, about 3 KB per row, which does not fit this machine's memory at ten million rows.
 */
export const PLAN_MAX_ROWS = 2_000_000;

/**
 * Computes every figure of every scope with the three methods, checks that they agree to 1e-9 (throws listing the
 * differences otherwise) and returns each figure's median time per method. Per scope, this API and DuckDB are timed
 * first; then the plan's method loads the scope (its time counts towards every figure of the scope, as each request
 * would load) and aggregates, and its frame is dropped before the next scope, so gigabytes of loaded JS values never
 * sit in the heap (slowing every collection) while the others are timed.
 */
export async function compareFigures(
  methods: { ours: FigureMethod; duckdb: FigureMethod; plan: PlanMethod | null },
  scopes: Scope[],
  repeats: number,
  log: (line: string) => void,
): Promise<FigureRow[]> {
  const rows: FigureRow[] = [];
  const measure = async (method: FigureMethod, figure: Figure, scope: Scope) => {
    // One call first, not timed (code paths compiled, heap grown after the previous scope); the timed calls are each
    // still computed from the data (ours: a filter never asked before; DuckDB has no result cache).
    await method.compute(figure, scope);
    const runs = [];
    for (let i = 0; i < repeats; i++) runs.push(await timed(() => method.compute(figure, scope)));
    return { ms: median(runs.map((r) => r.ms)), values: runs[0].value };
  };
  for (const scope of scopes) {
    const measured = [];
    for (const figure of FIGURES) {
      const ours = await measure(methods.ours, figure, scope);
      const duckdb = await measure(methods.duckdb, figure, scope);
      measured.push({ figure, ours, duckdb });
    }
    const plan = methods.plan;
    let loaded = plan ? await timed(() => plan.load(scope)) : null;
    if (loaded) log(`${scope.label}: the plan's method loads every column in ${loaded.ms.toFixed(0)} ms`);
    for (const { figure, ours, duckdb } of measured) {
      const frame = loaded?.value;
      const aggregated = plan && frame ? await timed(async () => plan.aggregate(figure, frame)) : null;
      const planRun =
        aggregated && loaded ? { ms: loaded.ms + aggregated.ms, values: aggregated.value } : null;
      const problems = [
        ...differences(ours.values, duckdb.values).map((d) => `ours vs DuckDB ${d}`),
        ...(planRun ? differences(ours.values, planRun.values).map((d) => `ours vs plan ${d}`) : []),
      ];
      if (ours.values.size === 0) problems.push('no values at all');
      if (problems.length > 0) {
        throw new Error(`${figure} (${scope.label}) disagrees:\n  ${problems.slice(0, 20).join('\n  ')}`);
      }
      rows.push({
        scope: scope.label,
        figure,
        values: ours.values.size,
        oursMs: ours.ms,
        duckdbMs: duckdb.ms,
        planMs: planRun?.ms ?? null,
      });
      log(
        `${scope.label} ${figure}: ${ours.values.size} values agree; ours ${ours.ms.toFixed(1)} ms, DuckDB ${duckdb.ms.toFixed(1)} ms, plan ${planRun ? `${planRun.ms.toFixed(0)} ms` : 'not run'}`,
      );
    }
    // Drop the frame and collect it now (the bench runs with --expose-gc), not during the next scope's timings.
    loaded = null;
    (globalThis as { gc?: () => void }).gc?.();
  }
  return rows;
}
