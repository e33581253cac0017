import type { Table } from '@lancedb/lancedb';
import { COLUMNS, type ColumnDeclaration } from '../../lib/db/columns';
import { passAtKOf, passK, type Figure, type FigureValues, type Scope } from './figures';

/** Every column of every row of the scope, as plain JS arrays (what `to_pandas()` hands the plan's groupby). */
export type Frame = Record<string, unknown[]>;

export interface PlanMethod {
  load(scope: Scope): Promise<Frame>;
  aggregate(figure: Figure, frame: Frame): FigureValues;
}

/**
 * Columns this product added after the plan (`step_text`, the importers' turn counts, fingerprints, metrics, metadata):
 * the plan's table does not have them, so they are left out of the plan's load (with them, the load of all runs at a
 * million rows no longer fits this machine's memory).
 */
const NOT_IN_PLAN = new Set<string>(
  (COLUMNS as readonly ColumnDeclaration[])
    .filter((column) => column.addedLater)
    .map((column) => column.name),
);

/**
 * The plan's method: load every column of the table (`steps_json` included; not `step_text`, which the plan's table
 * does not have), then aggregate in JS. Each request
 * of the plan loads anew (its filters in the LanceDB `where`); the benchmark loads once per scope and adds that time
 * to each figure's aggregation.
 */
export function planMethod(table: Table): PlanMethod {
  async function load(scope: Scope): Promise<Frame> {
    const columns = (await table.schema()).fields
      .map((field) => field.name)
      .filter((name) => !NOT_IN_PLAN.has(name));
    let query = table.query().select(columns);
    const conditions = [
      ...(scope.trainingId === null ? [] : [`training_id = '${scope.trainingId.replaceAll("'", "''")}'`]),
      ...(scope.rewardMin === null ? [] : [`reward >= ${scope.rewardMin}`]),
    ];
    if (conditions.length > 0) query = query.where(conditions.join(' AND '));
    const arrow = await query.toArrow();
    const frame: Frame = {};
    for (const field of arrow.schema.fields)
      frame[field.name] = [...(arrow.getChild(field.name)?.toArray() ?? [])];
    return frame;
  }

  function aggregate(figure: Figure, frame: Frame): FigureValues {
    const epochs = frame.epoch_id as number[];
    const rewards = frame.reward as number[];
    const out: FigureValues = new Map();
    if (figure === 'avg_reward') {
      const sums = new Map<number, [number, number]>();
      epochs.forEach((epoch, i) => {
        const s = sums.get(epoch) ?? [0, 0];
        s[0] += rewards[i];
        s[1] += 1;
        sums.set(epoch, s);
      });
      for (const [epoch, [sum, n]] of sums) out.set(String(epoch), sum / n);
      return out;
    }
    if (figure === 'termination_mix') {
      const reasons = frame.termination_reason as string[];
      const counts = new Map<string, number>();
      const totals = new Map<number, number>();
      epochs.forEach((epoch, i) => {
        const key = `${epoch}|${reasons[i]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        totals.set(epoch, (totals.get(epoch) ?? 0) + 1);
      });
      for (const [key, count] of counts) out.set(key, count / totals.get(Number(key.split('|')[0]))!);
      return out;
    }
    const k = passK(figure);
    const trainings = frame.training_id as string[];
    const questions = frame.data_id as string[];
    const groups = new Map<string, { epoch: number; n: number; c: number }>();
    epochs.forEach((epoch, i) => {
      const key = `${trainings[i]}\u0000${epoch}\u0000${questions[i]}`;
      const g = groups.get(key) ?? { epoch, n: 0, c: 0 };
      g.n += 1;
      if (rewards[i] > 0) g.c += 1;
      groups.set(key, g);
    });
    const sums = new Map<number, [number, number]>();
    for (const { epoch, n, c } of groups.values()) {
      if (n < k) continue;
      const s = sums.get(epoch) ?? [0, 0];
      s[0] += passAtKOf(n, c, k);
      s[1] += 1;
      sums.set(epoch, s);
    }
    for (const [epoch, [sum, count]] of sums) out.set(String(epoch), sum / count);
    return out;
  }

  return { load, aggregate };
}
