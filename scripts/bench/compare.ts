import { differences, FIGURES, type Figure, type FigureMethod, type Scope } from './figures';
import type { Frame, PlanMethod } from './figures-plan';
import { median, timed } from './timing';

export interface FigureRow {
  scope: string;
  figure: Figure;
  /** Keys (epochs, or epoch × reason) the three methods agreed on. */
  values: number;
  oursMs: number;
  duckdbMs: number;
  planMs: number;
}

/**
 * Computes every figure of every scope with the three methods, checks that they agree to 1e-9 (throws listing the
 * differences otherwise) and returns each figure's median time per method. The plan's method is slow: it loads each
 * scope once (its time counts towards every figure of the scope, as each request would load) and aggregates once.
 */
export async function compareFigures(
  methods: { ours: FigureMethod; duckdb: FigureMethod; plan: PlanMethod },
  scopes: Scope[],
  repeats: number,
  log: (line: string) => void,
): Promise<FigureRow[]> {
  const rows: FigureRow[] = [];
  const loads = new Map<string | null, { ms: number; value: Frame }>();
  for (const scope of scopes) {
    // The plan's method loads a scope's rows anew for each request. A scope with a reward filter reuses the load of
    // its runs (the filter keeps most rows, so loading them filtered would take about as long) and counts its time.
    let loaded = loads.get(scope.trainingId);
    if (!loaded) {
      loaded = await timed(() => methods.plan.load({ ...scope, rewardMin: null }));
      loads.set(scope.trainingId, loaded);
      log(`${scope.label}: the plan's method loads every column in ${loaded.ms.toFixed(0)} ms`);
    }
    const frame =
      scope.rewardMin === null ? loaded.value : methods.plan.keepRewardsFrom(loaded.value, scope.rewardMin);
    for (const figure of FIGURES) {
      const measure = async (method: FigureMethod, times: number) => {
        const runs = [];
        for (let i = 0; i < times; i++) runs.push(await timed(() => method.compute(figure, scope)));
        return { ms: median(runs.map((r) => r.ms)), values: runs[0].value };
      };
      const ours = await measure(methods.ours, repeats);
      const duckdb = await measure(methods.duckdb, repeats);
      const aggregated = await timed(async () => methods.plan.aggregate(figure, frame));
      const plan = { ms: loaded.ms + aggregated.ms, values: aggregated.value };
      const problems = [
        ...differences(ours.values, duckdb.values).map((d) => `ours vs DuckDB ${d}`),
        ...differences(ours.values, plan.values).map((d) => `ours vs plan ${d}`),
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
        planMs: plan.ms,
      });
      log(
        `${scope.label} ${figure}: ${ours.values.size} values agree; ours ${ours.ms.toFixed(1)} ms, DuckDB ${duckdb.ms.toFixed(1)} ms, plan ${plan.ms.toFixed(0)} ms`,
      );
    }
  }
  return rows;
}
