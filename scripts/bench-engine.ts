/**
 * `tsx scripts/bench-engine.ts [--db data/bench-1m] [--append 10000]`: times the analysis stats over a large table
 * (write one with scripts/bench-data-fast.ts) from resident columns: the first load, every endpoint cold (a filter
 * combination never asked before: result cache cleared, columns resident) and repeated, a failure page deep in the
 * list, and the first answer after an append. With --scans the same stats are timed on pushed-down scans instead.
 */
import { parseArgs } from 'node:util';
import { appendBenchRows } from './bench-data-fast';
import { epochList } from '../lib/analysis/stats/epoch-list';
import { epochProgression } from '../lib/analysis/stats/epoch-progression';
import { failureCases } from '../lib/analysis/stats/failure-cases';
import { processRewardCorrelation } from '../lib/analysis/stats/process-reward-correlation';
import { parseAnalysisQuery } from '../lib/analysis/filters/query';
import { rewardCategoryStats } from '../lib/analysis/stats/reward-category-stats';
import { clearResultCache, openSource, type Source } from '../lib/analysis/source';
import { runStat, statParams, type Stat } from '../lib/analysis/stat';
import { summary } from '../lib/analysis/stats/summary';
import { terminationStats } from '../lib/analysis/stats/termination-stats';
import { toolReturnStats } from '../lib/analysis/stats/tool-return-stats';
import { trainingComparison } from '../lib/analysis/stats/training-comparison';
import { trainingList } from '../lib/analysis/stats/training-list';
import { unexpectedToolContexts } from '../lib/analysis/stats/unexpected-tool-contexts';
import { columnBudgetFromEnv, columnEngine } from '../lib/analysis/engine/registry';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/bench-1m' },
    append: { type: 'string', default: '10000' },
    scans: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
  },
});

const config = { uri: values.db, readConsistencyInterval: 0 };
const budget = values.scans ? 0 : columnBudgetFromEnv();
const repeat = Number(values.repeat);

const CASES: [string, Stat, Record<string, string>][] = [
  ['per-epoch progression, one run', epochProgression, { training_id: 'run-0' }],
  ['per-epoch summary, one run', summary, { training_id: 'run-1', group_by: 'epoch_id' }],
  ['per-epoch summary, all runs', summary, { group_by: 'epoch_id' }],
  ['per-epoch termination mix, all runs', terminationStats, { group_by: 'epoch_id' }],
  ['summary, all runs', summary, {}],
  ['summary per run', summary, { group_by: 'training_id' }],
  ['training comparison, two runs', trainingComparison, { training_ids: 'run-0,run-3' }],
  ['termination stats, filtered', terminationStats, { training_id: 'run-2', tool_failed: 'any' }],
  ['reward categories per epoch', rewardCategoryStats, { training_id: 'run-2', group_by: 'epoch_id' }],
  ['tool return stats', toolReturnStats, { epoch_min: '10' }],
  ['process reward correlation', processRewardCorrelation, { training_id: 'run-3' }],
  ['epoch list', epochList, { training_id: 'run-4' }],
  ['training list', trainingList, {}],
  ['text search (first: reads question)', summary, { q: 'number 12' }],
  ['text search, another text', terminationStats, { q: 'NUMBER 3', training_id: 'run-2' }],
  ['failure cases, first page', failureCases, { training_id: 'run-1' }],
  ['failure cases, offset 100k', failureCases, { offset: '100000', sort: '-step_count' }],
  ['unexpected tool contexts', unexpectedToolContexts, { tool: 'python', epoch_id: '3' }],
];

async function ms(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function run(stat: Stat, params: Record<string, string>, source: Source) {
  const query = parseAnalysisQuery(new URLSearchParams(params), statParams(stat), {
    filters: stat.spec.filters !== false,
  });
  return runStat(stat, query, source);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => x.toFixed(x < 10 ? 1 : 0).padStart(7);

async function main(): Promise<void> {
  let source: Source | undefined;
  const load = await ms(async () => (source = await openSource(config, { columnCacheBytes: budget })));
  const held = source!.resident?.columns;
  console.log(
    held
      ? `resident: ${held.scan.length} rows, ${(held.bytes / 1e6).toFixed(1)} MB, loaded in ${Math.round(load)} ms`
      : `pushed-down scans (no resident columns), opened in ${Math.round(load)} ms`,
  );
  console.log(`${'stat'.padEnd(40)}   cold ms  repeated ms`);
  for (const [label, stat, params] of CASES) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let r = 0; r < repeat; r++) {
      clearResultCache();
      cold.push(await ms(() => run(stat, params, source!)));
      warm.push(await ms(() => run(stat, params, source!)));
    }
    console.log(`${label.padEnd(40)} ${fmt(median(cold))}  ${fmt(median(warm))}`);
  }
  const appendRows = Number(values.append);
  if (appendRows > 0) {
    await appendBenchRows(values.db, appendRows);
    clearResultCache();
    let after: Source | undefined;
    const refresh = await ms(async () => (after = await openSource(config, { columnCacheBytes: budget })));
    const first = await ms(() => run(summary, { group_by: 'epoch_id', training_id: 'run-0' }, after!));
    const termination = await ms(() => run(terminationStats, { group_by: 'epoch_id' }, after!));
    console.log(
      `after appending ${appendRows} rows: refresh ${Math.round(refresh)} ms` +
        (after!.resident ? ` (rows read: ${after!.resident.columns.rowsRead})` : '') +
        `, then per-epoch summary of run-0 ${Math.round(first)} ms, per-epoch termination mix ${Math.round(termination)} ms`,
    );
    await columnEngine(config, budget).settled();
  }
}

await main();
