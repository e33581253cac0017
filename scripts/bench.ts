/**
 * `npm run bench [-- --rows 100000 --fresh --write]`: builds (or reuses) a benchmark database of demo trajectories
 * and times every analysis endpoint in-process, cold (result cache cleared) and cached. Numbers go to stdout and,
 * with --write, to docs/performance.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openTrajectories } from '../lib/db';
import { ingestRecords } from '../lib/ingest';
import { clearResultCache } from '../lib/analysis/source';
import { demoRawRecords } from './demo-data';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    fresh: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});

const rows = Number(values.rows);
const runs = Number(values.runs);
const dir = path.resolve('data', `bench-${rows}`);
const TRAININGS = 3;
const EPOCHS = 12;
const SAMPLES = 8;
const questions = Math.ceil(rows / (TRAININGS * EPOCHS * SAMPLES));
const db = { uri: dir, readConsistencyInterval: 0 };

async function prepare(): Promise<number> {
  if (values.fresh) fs.rmSync(dir, { recursive: true, force: true });
  const existing = await openTrajectories(db);
  if (existing && (await existing.countRows()) > 0) return existing.countRows();
  console.log(
    `building ${dir}: ${TRAININGS} trainings × ${EPOCHS} epochs × ${questions} questions × ${SAMPLES} samples`,
  );
  const summary = await ingestRecords(
    demoRawRecords(
      { trainings: TRAININGS, epochs: EPOCHS, questions, samples: SAMPLES, lean: true },
      'bench',
    ),
    { db, batchSize: 10_000 },
  );
  console.log(
    `ingested ${summary.inserted} rows in ${summary.seconds.toFixed(1)} s (${Math.round(summary.rowsPerSecond)} rows/s)`,
  );
  return summary.inserted;
}

type Handler = (request: Request) => Promise<Response>;

async function time(handler: Handler, url: string): Promise<number> {
  const started = performance.now();
  const response = await handler(new Request(url));
  await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const count = await prepare();
  process.env.LANCEDB_URI = dir;
  process.env.LANCEDB_READ_CONSISTENCY_SECONDS = '2';
  const route = async (name: string): Promise<Handler> =>
    (await import(`../app/api/analysis-stats/${name}/route.ts`)).GET as Handler;
  const training = 'grpo-curriculum';
  const cases: [string, string][] = [
    ['training-list', ''],
    ['summary', ''],
    ['termination-stats', ''],
    ['termination-stats', '?group_by=epoch_id'],
    ['reward-category-stats', `?training_id=${training}`],
    ['tool-return-stats', ''],
    ['process-reward-correlation', ''],
    ['epoch-list', `?training_id=${training}`],
    ['epoch-progression', `?training_id=${training}`],
    ['training-comparison', '?training_ids=grpo-baseline,grpo-curriculum,ppo-lr3e-6'],
    ['failure-cases', `?training_id=${training}&sort=-step_count`],
    ['unexpected-tool-contexts', '?tool_failed=any'],
    ['summary', `?training_id=${training}&epoch_id=11&reward_max=0&termination_reason=timeout,max_turns`],
  ];
  // Warm the process (module loading, first connection) once, outside the figures.
  await time(await route('training-list'), 'http://bench/x');
  const results: { endpoint: string; cold: number; cached: number }[] = [];
  for (const [name, query] of cases) {
    const handler = await route(name);
    const url = `http://bench/api/analysis-stats/${name}${query}`;
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      clearResultCache();
      cold.push(await time(handler, url));
      warm.push(await time(handler, url));
    }
    results.push({ endpoint: `${name}${query}`, cold: median(cold), cached: median(warm) });
    console.log(`${name}${query}: cold ${median(cold).toFixed(1)} ms, cached ${median(warm).toFixed(2)} ms`);
  }
  const table = [
    `Benchmark: ${count.toLocaleString('en-US')} trajectories, ${new Date().toISOString().slice(0, 10)}, median of ${runs} runs, in-process route handlers.`,
    '',
    '| endpoint | cold (ms) | cached (ms) |',
    '| --- | ---: | ---: |',
    ...results.map((r) => `| \`${r.endpoint}\` | ${r.cold.toFixed(1)} | ${r.cached.toFixed(2)} |`),
  ].join('\n');
  console.log(`\n${table}`);
  if (values.write) {
    const file = path.resolve('docs', 'performance.md');
    const marker = `<!-- bench ${rows} -->`;
    const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
    const section = `${marker}\n${table}\n${marker}`;
    const pattern = new RegExp(`${marker}[\\s\\S]*?${marker}`);
    fs.writeFileSync(
      file,
      pattern.test(previous) ? previous.replace(pattern, section) : `${previous.trimEnd()}\n\n${section}\n`,
    );
    console.log(`written to ${file}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
