import {
  differences,
  FIGURES,
  type Figure,
  type FigureMethod,
  type FigureValues,
  type Scope,
} from './figures';
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
 * Untimed calls per method and figure before the timed ones: a new scope's filters take other code paths, which the
 * JIT needs a few calls to settle (a single call left the first figure of each scope twice as slow as the next).
 */
const WARM_UP_CALLS = 3;

/** One figure of one scope as this API and DuckDB computed it (they agree; see timeFigures). */
export interface TimedFigure {
  scope: Scope;
  figure: Figure;
  ours: { ms: number; values: FigureValues };
  duckdb: { ms: number; values: FigureValues };
}

function assertAgree(label: string, problems: string[]): void {
  if (problems.length > 0) throw new Error(`${label} disagrees:\n  ${problems.slice(0, 20).join('\n  ')}`);
}

/**
 * Times every figure of every scope with this API and DuckDB (the median of `repeats` cold requests, after
 * WARM_UP_CALLS untimed ones) and checks that they agree to 1e-9 (throws listing the differences).
 */
export async function timeFigures(
  methods: { ours: FigureMethod; duckdb: FigureMethod },
  scopes: Scope[],
  repeats: number,
  log: (line: string) => void,
): Promise<TimedFigure[]> {
  const measure = async (method: FigureMethod, figure: Figure, scope: Scope) => {
    for (let i = 0; i < WARM_UP_CALLS; i++) await method.compute(figure, scope);
    const runs = [];
    for (let i = 0; i < repeats; i++) runs.push(await timed(() => method.compute(figure, scope)));
    return { ms: median(runs.map((r) => r.ms)), values: runs[0].value };
  };
  const measured: TimedFigure[] = [];
  for (const scope of scopes) {
    for (const figure of FIGURES) {
      const ours = await measure(methods.ours, figure, scope);
      const duckdb = await measure(methods.duckdb, figure, scope);
      const problems = differences(ours.values, duckdb.values).map((d) => `ours vs DuckDB ${d}`);
      if (ours.values.size === 0) problems.push('no values at all');
      assertAgree(`${figure} (${scope.label})`, problems);
      log(
        `${scope.label} ${figure}: ${ours.values.size} values agree; ours ${ours.ms.toFixed(1)} ms, DuckDB ${duckdb.ms.toFixed(1)} ms`,
      );
      measured.push({ scope, figure, ours, duckdb });
    }
  }
  return measured;
}

/**
 * The plan's method on the same figures, run last in the benchmark: it loads each scope (its time counts towards
 * every figure of the scope, as each request would load) and aggregates, so its gigabytes of JS values are never in
 * the heap, nor being collected, while anything else is timed. Checks it agrees with the others; null `plan`: not run.
 */
export async function compareWithPlan(
  measured: TimedFigure[],
  plan: PlanMethod | null,
  log: (line: string) => void,
): Promise<FigureRow[]> {
  const rows: FigureRow[] = [];
  for (const scope of [...new Set(measured.map((m) => m.scope))]) {
    const loaded = plan ? await timed(() => plan.load(scope)) : null;
    if (loaded) log(`${scope.label}: the plan's method loads every column in ${loaded.ms.toFixed(0)} ms`);
    for (const { figure, ours, duckdb } of measured.filter((m) => m.scope === scope)) {
      const frame = loaded?.value;
      const aggregated = plan && frame ? await timed(async () => plan.aggregate(figure, frame)) : null;
      const planMs = aggregated && loaded ? loaded.ms + aggregated.ms : null;
      if (aggregated)
        assertAgree(
          `${figure} (${scope.label})`,
          differences(ours.values, aggregated.value).map((d) => `ours vs plan ${d}`),
        );
      rows.push({
        scope: scope.label,
        figure,
        values: ours.values.size,
        oursMs: ours.ms,
        duckdbMs: duckdb.ms,
        planMs,
      });
    }
  }
  return rows;
}
