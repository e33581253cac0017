import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { openTrajectories, type DbConfig } from '../../lib/db';
import { writeDemoJsonl } from '../demo-jsonl';
import { removeAppended } from './endpoints';
import type { BenchOptions } from './options';

export interface IngestFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  /** Worker threads the ingest used, and the cores it ran on. */
  workers: number;
  cores: number;
  /** DuckDB's time to convert the same JSONL to Parquet, measured right after the ingest in the same run. */
  duckdbSeconds: number;
  /** ISO date of the run that built the cached database. */
  measuredAt: string;
}

export interface BenchData {
  jsonl: string;
  parquet: string;
  db: DbConfig;
  ingest: IngestFigures;
  /** True when the database was built in this run (false: reused from the cache folder). */
  built: boolean;
}

const campaign = (o: BenchOptions) => ({
  trainings: o.shape.runs,
  epochs: o.shape.epochs,
  questions: o.shape.questions,
  samples: o.shape.samples,
  lean: o.shape.lean,
});

/** The generated campaign as JSONL, written once per size (deterministic, so the cache never goes stale). */
async function ensureJsonl(o: BenchOptions, log: (line: string) => void): Promise<string> {
  const file = path.join(o.dir, 'trajectories.jsonl');
  const done = path.join(o.dir, 'trajectories.done');
  if (fs.existsSync(done)) return file;
  log(`generating ${o.rows.toLocaleString('en-US')} trajectories into ${file}`);
  const written = await writeDemoJsonl(file, campaign(o));
  log(`  ${(written.jsonBytes / 1e6).toFixed(0)} MB in ${written.seconds.toFixed(1)} s`);
  fs.writeFileSync(done, `${written.records}\n`);
  return file;
}

/** Loads the JSONL through the public ingest in a child process, so its peak RSS is the ingest's own. */
async function ingestInChild(jsonl: string, uri: string): Promise<Omit<IngestFigures, 'duckdbSeconds'>> {
  const child = path.join(import.meta.dirname, 'ingest-child.ts');
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', child, jsonl, uri],
    // As `npm run ingest` runs it (package.json): glibc's malloc with two arenas keeps less memory.
    { maxBuffer: 1 << 24, env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' } },
  );
  process.stderr.write(stderr);
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  if (result.rejected !== 0) throw new Error(`bench ingest rejected ${result.rejected} records`);
  return {
    rows: result.inserted,
    seconds: result.seconds,
    rowsPerSecond: result.rowsPerSecond,
    peakRssMb: result.peakRssMb,
    workers: result.workers,
    cores: os.availableParallelism(),
    measuredAt: new Date().toISOString().slice(0, 10),
  };
}

/** The same rows as Parquet for DuckDB (steps kept as JSON text), exported once by DuckDB from the JSONL. */
async function ensureParquet(jsonl: string, dir: string, log: (line: string) => void): Promise<string> {
  const file = parquetFile(dir);
  if (fs.existsSync(file)) return file;
  log(`exporting ${file} with DuckDB`);
  await exportParquet(jsonl, file);
  return file;
}

const parquetFile = (dir: string) => path.join(dir, 'trajectories.parquet');

/** DuckDB reads the JSONL (typed columns, steps as JSON) and writes it as Parquet; answers the seconds it took. */
async function exportParquet(jsonl: string, file: string): Promise<number> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const columns =
    "{training_id: 'VARCHAR', epoch_id: 'INTEGER', iteration_id: 'INTEGER', sample_id: 'INTEGER', " +
    "data_id: 'VARCHAR', question: 'VARCHAR', reward: 'DOUBLE', termination_reason: 'VARCHAR', " +
    "agent_name: 'VARCHAR', created_at: 'TIMESTAMPTZ', steps: 'JSON'}";
  const source = `read_json('${jsonl.replaceAll("'", "''")}', format = 'newline_delimited', columns = ${columns})`;
  const select = `SELECT * EXCLUDE (steps), CAST(steps AS VARCHAR) AS steps_json FROM ${source}`;
  await connection.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
  connection.closeSync();
  return (performance.now() - started) / 1000;
}

async function countRows(db: DbConfig): Promise<number> {
  const table = await openTrajectories(db);
  return table ? table.countRows() : 0;
}

/** Generates, ingests and exports what is missing in the cache folder; `--fresh` starts over. */
export async function prepareBenchData(o: BenchOptions, log: (line: string) => void): Promise<BenchData> {
  if (o.fresh) fs.rmSync(o.dir, { recursive: true, force: true });
  fs.mkdirSync(o.dir, { recursive: true });
  const jsonl = await ensureJsonl(o, log);
  const db: DbConfig = { uri: path.join(o.dir, 'lancedb'), readConsistencyInterval: 0 };
  const figuresFile = path.join(o.dir, 'ingest.json');
  let built = false;
  await removeAppended(db);
  if (!fs.existsSync(figuresFile) || (await countRows(db)) !== o.rows) {
    fs.rmSync(db.uri, { recursive: true, force: true });
    log(`ingesting ${jsonl} in a child process`);
    const ingest = await ingestInChild(jsonl, db.uri);
    log(`converting the same file to Parquet with DuckDB, for comparison`);
    const duckdbSeconds = await exportParquet(jsonl, parquetFile(o.dir));
    fs.writeFileSync(figuresFile, JSON.stringify({ ...ingest, duckdbSeconds }));
    built = true;
  }
  const ingest = JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as IngestFigures;
  if (ingest.rows !== o.rows) throw new Error(`ingest inserted ${ingest.rows} rows, expected ${o.rows}`);
  const parquet = await ensureParquet(jsonl, o.dir, log);
  return { jsonl, parquet, db, ingest, built };
}
