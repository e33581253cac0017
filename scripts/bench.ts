/**
 * `npm run bench [-- --rows 100000 --lean --fresh --repeats 5 --build --write]`: generates a deterministic campaign
 * (5 runs × 20 epochs × 8 samples, cached in data/bench-<rows>), loads it through the public ingest in a child
 * process, then measures the same figures three ways (this API, DuckDB over Parquet, the plan's load-everything
 * method) and fails unless they agree; times every endpoint cold and warm, deep failure pages, the first query after
 * an append and, when the app is built, each tab's page. `--write` keeps the result in docs/BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compareWithPlan, PLAN_MAX_ROWS, timeFigures } from './bench/compare';
import { prepareBenchData } from './bench/dataset';
import { endpointCases, timeEndpoint, timeFailurePages, timeFirstQueryAfterAppend } from './bench/endpoints';
import { duckdbMethod } from './bench/figures-duckdb';
import { oursMethod } from './bench/figures-ours';
import { planMethod } from './bench/figures-plan';
import { machineFacts } from './bench/machine';
import { parseBenchOptions } from './bench/options';
import { timePages } from './bench/pages';
import { renderResults, writeSection, type BenchResults } from './bench/report';
import { callRoute, neverAskedFilter } from './bench/routes';
import { timed } from './bench/timing';
import { openTrajectories } from '../lib/db';
import { warmResidentColumns } from '../lib/analysis/warm';
import { latestTraining } from '../lib/chart-data/latest-training';

const APPEND_ROWS = 10_000;
const FAILURE_OFFSETS = [0, 10_000, 100_000];
const log = (line: string) => console.log(line);

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  const machine = machineFacts();
  const data = await prepareBenchData(options, log);
  process.env.LANCEDB_URI = data.db.uri;
  process.env.LANCEDB_READ_CONSISTENCY_SECONDS = '0';

  const list = (await callRoute('training-list', '')) as { trainings: { training_id: string }[] };
  const trainings = list.trainings.map((t) => t.training_id);
  log(`${options.rows.toLocaleString('en-US')} rows in ${trainings.length} runs: ${trainings.join(', ')}`);

  // A start: the warm-up the server runs before health says ok, then the dashboard's first view (which the warm-up
  // answered), the same again, and a filter never asked.
  const warm = await timed(() => warmResidentColumns(data.db));
  const latest = latestTraining(list.trainings as never) ?? trainings[0];
  const firstView = `training_id=${encodeURIComponent(latest)}`;
  const first = await timed(() => callRoute('epoch-progression', firstView));
  const next = await timed(() => callRoute('epoch-progression', firstView));
  const never = await timed(() => callRoute('epoch-progression', `${firstView}&${neverAskedFilter()}`));
  const startup = { warmMs: warm.ms, firstMs: first.ms, nextMs: next.ms, neverMs: never.ms };
  log(
    `start: warm-up ${warm.ms.toFixed(0)} ms, first view ${first.ms.toFixed(1)} ms, repeated ${next.ms.toFixed(1)} ms, ` +
      `never asked ${never.ms.toFixed(1)} ms`,
  );

  const table = await openTrajectories(data.db);
  if (!table) throw new Error(`no trajectories table in ${data.db.uri}`);
  const duckdb = await duckdbMethod(data.parquet);
  const timedFigures = await timeFigures(
    { ours: oursMethod(), duckdb },
    [
      { label: 'one run', trainingId: trainings[0], rewardMin: null },
      { label: 'all runs', trainingId: null, rewardMin: null },
      { label: 'all runs, reward ≥ 0', trainingId: null, rewardMin: 0 },
    ],
    options.repeats,
    log,
  );
  duckdb.close();

  const endpoints = [];
  for (const [name, query] of endpointCases(trainings)) {
    const timing = await timeEndpoint(name, query, options.repeats);
    log(`${timing.label}: cold ${timing.coldMs.toFixed(1)} ms, warm ${timing.warmMs.toFixed(2)} ms`);
    endpoints.push(timing);
  }
  const failurePages = await timeFailurePages(FAILURE_OFFSETS, options.repeats);
  log(failurePages.map((p) => `failure page at ${p.offset}: ${p.ms.toFixed(1)} ms`).join(', '));
  const appended = await timeFirstQueryAfterAppend(data.db, APPEND_ROWS, options.rows);
  const append = appended && { rows: APPEND_ROWS, ...appended };
  log(
    append
      ? `append: ${append.appendMs.toFixed(0)} ms, prepared in ${append.prepareMs.toFixed(0)} ms, then first ` +
          `${append.firstMs.toFixed(1)} ms, repeated ${append.nextMs.toFixed(1)} ms, never asked ${append.neverMs.toFixed(1)} ms`
      : 'append: timed out',
  );
  // The pages before the plan's method: its gigabytes of loaded values would starve the page server of memory.
  if (options.build && !fs.existsSync(path.resolve('.next', 'BUILD_ID'))) {
    log('building the app for the page timings');
    try {
      execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
    } catch {
      log('the build failed: the pages are skipped');
    }
  }
  const pages = await timePages(data.db.uri, latest, options.repeats);
  // Last of the in-process work: the plan's method, whose loads fill the heap with gigabytes of JS values.
  const figures = await compareWithPlan(
    timedFigures,
    options.rows <= PLAN_MAX_ROWS ? planMethod(table) : null,
    log,
  );

  const results: BenchResults = {
    rows: options.rows,
    shape: options.shape,
    repeats: options.repeats,
    machine,
    ingest: { ...data.ingest, cached: !data.built },
    startup,
    figures,
    endpoints,
    failurePages,
    append,
    pages,
  };
  const section = renderResults(results);
  console.log(`\n${section}`);
  if (options.write) {
    const file = path.resolve('docs', 'BENCHMARKS.md');
    writeSection(file, `${options.rows}${options.shape.lean ? '-lean' : ''}`, section);
    execFileSync('npx', ['prettier', '--write', file], { stdio: 'ignore' });
    log(`written to ${file}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
