import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { incompleteIndexes, MAX_FRAGMENTS_BEFORE_COMPACTION } from '../db/indexes';
import { lockPathOf } from '../db/write-lock';
import { clearResultCache, openSource } from '../analysis/source';
import { parseAnalysisQuery } from '../analysis/filters/query';
import { runStat, statParams } from '../analysis/stat';
import { summary, type Summary } from '../analysis/stats/summary';
import { ingestFiles } from './ingest';
import { rowFingerprint } from './row-fingerprint';
import { openTable } from './test-db';
import { tempDir } from '../test-support/fixture';

const ROOT = path.resolve(import.meta.dirname, '../..');
const work = tempDir('rl-dash-crash-');
afterAll(() => work.cleanup());

function recordsFile(count: number): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      trajectory_id: `k${i}`,
      training_id: 'crash',
      epoch_id: i % 4,
      data_id: `q${i % 40}`,
      reward: i % 2,
      steps: [
        {
          action: 'lookup',
          action_input: { i },
          observation: 'x'.repeat(200),
          tool_status: i % 3 ? 'success' : 'error',
        },
        { action: 'respond', action_input: 'ok' },
      ],
    }),
  );
  const file = path.join(work.dir, 'records.jsonl');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Every row of the table as `id fingerprint`, sorted: equal lists mean equal tables. */
async function tableContent(uri: string): Promise<string[]> {
  const table = await openTable({ uri, readConsistencyInterval: 0 });
  const rows = (await table.query().toArray()) as Record<string, unknown>[];
  return rows.map((row) => `${String(row.trajectory_id)} ${rowFingerprint(row)}`).sort();
}

function committedVersions(uri: string): number {
  const dir = path.join(uri, 'trajectories.lance', '_versions');
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
}

describe('an ingest killed with SIGKILL mid-way', () => {
  it('leaves committed batches only, and a re-run ends equal to a clean load', async () => {
    const file = recordsFile(4000);
    const uri = path.join(work.dir, 'killed');
    // node itself runs the script (the tsx launcher would run it in a child process that a SIGKILL does not reach).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/ingest.ts', '--batch-size', '100', file],
      {
        cwd: ROOT,
        env: { ...process.env, LANCEDB_URI: uri },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it once a few batches are committed (and, most likely, while it holds the write lock).
    while (committedVersions(uri) < 4) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = await tableContent(uri);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(4000);

    const rerun = await ingestFiles([file], { db: { uri, readConsistencyInterval: 0 } });
    expect(rerun).toMatchObject({ accepted: 4000, inserted: 4000 - partial.length, updated: 0, rejected: 0 });
    expect(fs.existsSync(lockPathOf(uri))).toBe(false);

    const clean = path.join(work.dir, 'clean');
    await ingestFiles([file], { db: { uri: clean, readConsistencyInterval: 0 } });
    const recovered = await tableContent(uri);
    expect(recovered).toHaveLength(4000);
    expect(new Set(recovered.map((row) => row.split(' ')[0])).size).toBe(4000);
    expect(recovered).toEqual(await tableContent(clean));
  }, 120_000);
});

/** Records where every third observation holds the word "python" (so q=python matches a known number of them). */
function searchableFile(name: string, from: number, count: number): string {
  const lines = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return JSON.stringify({
      trajectory_id: `s${i}`,
      training_id: 'indexed',
      epoch_id: i % 3,
      data_id: `q${i % 30}`,
      reward: i % 2,
      steps: [
        { action: 'run', action_input: { i }, observation: i % 3 === 0 ? `python said ${i}` : `ok ${i}` },
      ],
    });
  });
  const file = path.join(work.dir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Runs an ingest of `file` into `uri` that is killed with SIGKILL when its maintenance reaches `step`. */
async function ingestKilledAt(uri: string, file: string, step: string, batch?: number): Promise<void> {
  const marker = path.join(work.dir, `reached-${path.basename(uri)}-${step.replace(/\W/g, '_')}`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'lib/ingest/test-crash-process.ts'),
      file,
      step,
      marker,
      ...(batch ? [String(batch)] : []),
    ],
    { cwd: ROOT, env: { ...process.env, LANCEDB_URI: uri }, stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let done = false;
  void exited.then(() => (done = true));
  while (!fs.existsSync(marker) && !done) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(fs.existsSync(marker), `the ingest never reached "${step}"`).toBe(true);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

async function pythonMatches(uri: string): Promise<number> {
  clearResultCache();
  const source = await openSource({ uri, readConsistencyInterval: 0 });
  const query = parseAnalysisQuery(new URLSearchParams({ q: 'python' }), statParams(summary));
  return ((await runStat(summary, query, source)) as Summary).trajectory_count;
}

describe('an ingest killed in its index phase', () => {
  it('leaves the step index missing; a re-run that writes nothing rebuilds it and q answers exactly', async () => {
    const uri = path.join(work.dir, 'killed-indexing');
    const file = searchableFile('searchable.jsonl', 0, 3000);
    await ingestKilledAt(uri, file, 'index step_text');
    const table = await openTable({ uri, readConsistencyInterval: 0 });
    expect(await table.countRows()).toBe(3000);
    expect(await incompleteIndexes(table)).toContain('step_text (missing)');
    // Without the index, q searches the question and data_id only: no trajectory matches.
    expect(await pythonMatches(uri)).toBe(0);

    const rerun = await ingestFiles([file], { db: { uri, readConsistencyInterval: 0 } });
    expect(rerun).toMatchObject({ inserted: 0, updated: 0, unchanged: 3000, warnings: [] });
    expect(await incompleteIndexes(table)).toEqual([]);
    expect(await pythonMatches(uri)).toBe(1000);
  }, 180_000);

  it('leaves a first load of many fragments readable when killed compacting; a re-run compacts and indexes it', async () => {
    const uri = path.join(work.dir, 'killed-compacting');
    const file = searchableFile('fragmented.jsonl', 0, 2700);
    // Ten rows a commit: 270 fragments, past the count that makes the maintenance compact before it indexes.
    await ingestKilledAt(uri, file, 'compact', 10);
    const table = await openTable({ uri, readConsistencyInterval: 0 });
    expect(await table.countRows()).toBe(2700);
    const fragments = (await table.stats()).fragmentStats.numFragments;
    expect(fragments).toBe(270);
    expect(fragments).toBeGreaterThan(MAX_FRAGMENTS_BEFORE_COMPACTION);
    expect(await incompleteIndexes(table)).toContain('trajectory_id (missing)');

    const rerun = await ingestFiles([file], { db: { uri, readConsistencyInterval: 0 } });
    expect(rerun).toMatchObject({ inserted: 0, updated: 0, unchanged: 2700, warnings: [] });
    expect((await table.stats()).fragmentStats.numFragments).toBeLessThan(MAX_FRAGMENTS_BEFORE_COMPACTION);
    expect(await incompleteIndexes(table)).toEqual([]);
    // Every third row says "python" (searchableFile): 900 of 2,700.
    expect(await pythonMatches(uri)).toBe(900);
  }, 300_000);

  it('leaves new rows out of the indexes when killed before optimize; a re-run folds them in', async () => {
    const uri = path.join(work.dir, 'killed-optimizing');
    await ingestFiles([searchableFile('first.jsonl', 0, 1500)], { db: { uri, readConsistencyInterval: 0 } });
    const more = searchableFile('more.jsonl', 1500, 1500);
    await ingestKilledAt(uri, more, 'optimize');
    const table = await openTable({ uri, readConsistencyInterval: 0 });
    expect(await table.countRows()).toBe(3000);
    expect((await incompleteIndexes(table)).some((entry) => entry.includes('rows not indexed'))).toBe(true);

    const rerun = await ingestFiles([more], { db: { uri, readConsistencyInterval: 0 } });
    expect(rerun).toMatchObject({ inserted: 0, unchanged: 1500, warnings: [] });
    expect(await incompleteIndexes(table)).toEqual([]);
    expect(await pythonMatches(uri)).toBe(1000);
  }, 180_000);
});
