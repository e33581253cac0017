/**
 * `tsx --conditions react-server scripts/bench-engine-duckdb.ts [--db data/bench-1m]`: per-epoch average reward,
 * pass@1, pass@4 and termination mix of one run and of all runs, from resident columns (a selection, question counts
 * and one pass per epoch) and from DuckDB over a Parquet copy of the same rows, in the same process, cold (a filter
 * never asked before) and repeated. Prints the median of each and the ratio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { questionCounts } from '../lib/analysis/engine/question-groups';
import { residentSelection } from '../lib/analysis/engine/selection';
import { meanPassAtK } from '../lib/analysis/metrics';
import type { Filters } from '../lib/analysis/query';
import { ints, strings, type Scan } from '../lib/analysis/scan/scan';
import { openSource } from '../lib/analysis/source';

const { values } = parseArgs({
  options: { db: { type: 'string', default: 'data/bench-1m' }, repeat: { type: 'string', default: '5' } },
});

interface EpochFigures {
  epoch: number;
  trajectories: number;
  avgReward: number;
  passAt1: number | null;
  passAt4: number | null;
  termination: Record<string, number>;
}

/** The per-epoch figures of the rows of `scan` that `rows` select. */
function perEpoch(scan: Scan, rows: Int32Array): EpochFigures[] {
  const epoch = ints(scan, 'epoch_id');
  const reason = strings(scan, 'termination_reason');
  // Rows split by epoch with a counting sort (stable: each group keeps the scan order).
  let low = Infinity;
  let high = -Infinity;
  for (const i of rows) {
    low = Math.min(low, epoch[i]);
    high = Math.max(high, epoch[i]);
  }
  const starts = new Int32Array(rows.length > 0 ? high - low + 2 : 1);
  for (const i of rows) starts[epoch[i] - low + 1]++;
  for (let e = 1; e < starts.length; e++) starts[e] += starts[e - 1];
  const sorted = new Int32Array(rows.length);
  const at = starts.slice();
  for (const i of rows) sorted[at[epoch[i] - low]++] = i;
  return Array.from({ length: starts.length - 1 }, (_, e) => e)
    .filter((e) => starts[e + 1] > starts[e])
    .map((e) => {
      const group = sorted.subarray(starts[e], starts[e + 1]);
      const table = questionCounts(scan, group, 0);
      const counts = new Float64Array(reason.values.length);
      for (const i of group) counts[reason.codes[i]]++;
      let sum = 0;
      for (const s of table.rewardSum) sum += s;
      const termination: Record<string, number> = {};
      counts.forEach((n, code) => n > 0 && (termination[reason.values[code]] = n));
      return {
        epoch: low + e,
        trajectories: group.length,
        avgReward: sum / group.length,
        passAt1: meanPassAtK(table, 1).value,
        passAt4: meanPassAtK(table, 4).value,
        termination,
      };
    });
}

const SQL = (where: string) => `
  WITH q AS (
    SELECT epoch_id, training_id, data_id, count(*) AS n, count(*) FILTER (WHERE reward > 0) AS c,
           sum(reward) AS s
    FROM t ${where} GROUP BY ALL)
  SELECT epoch_id, sum(n) AS trajectories, sum(s) / sum(n) AS avg_reward, avg(c / n) AS pass_at_1,
         avg(CASE WHEN n >= 4 THEN 1 - ((n - c) * (n - c - 1) * (n - c - 2) * (n - c - 3))
                                      / (n * (n - 1) * (n - 2) * (n - 3)) END) AS pass_at_4
  FROM q GROUP BY epoch_id ORDER BY epoch_id;
  SELECT epoch_id, termination_reason, count(*) FROM t ${where} GROUP BY ALL ORDER BY ALL;`;

async function ms(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const source = await openSource({ uri: values.db, readConsistencyInterval: 0 });
  const held = source.resident?.columns.scan;
  if (!held) throw new Error('no resident columns: raise COLUMN_CACHE_MB');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-duckdb-'));
  const csv = path.join(dir, 'rows.csv');
  const training = strings(held, 'training_id');
  const data = strings(held, 'data_id');
  const reason = strings(held, 'termination_reason');
  const lines = ['training_id,epoch_id,data_id,reward,termination_reason'];
  for (let i = 0; i < held.length; i++)
    lines.push(
      `${training.values[training.codes[i]]},${held.ints.epoch_id![i]},${data.values[data.codes[i]]},` +
        `${held.floats.reward![i]},${reason.values[reason.codes[i]]}`,
    );
  fs.writeFileSync(csv, lines.join('\n'));
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const parquet = path.join(dir, 'rows.parquet');
  await duck.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
  await duck.run(`CREATE VIEW t AS SELECT * FROM read_parquet('${parquet}')`);

  const repeat = Number(values.repeat);
  const cases: [string, Filters, string][] = [
    ['one run', { training_id: ['run-1'] }, "WHERE training_id = 'run-1'"],
    ['all runs', {}, ''],
  ];
  console.log(`${held.length} rows; per-epoch avg reward, pass@1, pass@4, termination mix`);
  for (const [label, filters, where] of cases) {
    const engine: number[] = [];
    const duckdb: number[] = [];
    for (let r = 0; r < repeat; r++) {
      // A filter combination never asked before: new reward bounds each round.
      const bound = { ...filters, reward_min: -10 - r };
      engine.push(
        await ms(async () => {
          const selection = (await residentSelection(source, bound, ['reward']))!;
          return perEpoch(selection.scan, selection.rows);
        }),
      );
      const clause = `${where ? `${where} AND` : 'WHERE'} reward >= ${-10 - r}`;
      duckdb.push(await ms(() => duck.runAndReadAll(SQL(clause))));
    }
    const [e, d] = [median(engine), median(duckdb)];
    console.log(
      `${label.padEnd(10)} resident columns ${e.toFixed(1)} ms, DuckDB over Parquet ${d.toFixed(1)} ms (ratio ${(e / d).toFixed(2)})`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
