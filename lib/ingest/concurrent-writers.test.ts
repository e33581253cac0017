import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handleIngestRequest } from './http';
import { waitAtBarrier } from './test-barrier';
import { openTable, readBack } from './test-db';
import { tempDir } from '../test-support/fixture';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(import.meta.dirname, 'test-writer-process.ts');
const TOKEN = 'concurrency-test-token-0123456789abcdef';

const work = tempDir('rl-dash-concurrent-');
afterAll(() => work.cleanup());

/** Records with ids t<from>…t<to-1>; every field is a function of the id, so overlapping files agree. */
function records(from: number, to: number): string {
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    lines.push(
      JSON.stringify({
        trajectory_id: `t${i}`,
        training_id: 'concurrent',
        epoch_id: i % 7,
        data_id: `q${i % 50}`,
        reward: (i % 3) / 2,
        steps: [
          {
            action: 'search',
            action_input: { q: i },
            observation: 'ok',
            tool_status: i % 5 ? 'success' : 'error',
          },
          { action: 'respond', action_input: 'done' },
        ],
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

function writeFile(name: string, text: string): string {
  const file = path.join(work.dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface RoundResult {
  round: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts a writer process; resolves with its per-round results once it exits. */
function startWriter(
  uri: string,
  barrier: string,
  name: string,
  parties: number,
  rounds: number,
  args: string[],
  env: Record<string, string> = {},
) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WRITER, barrier, name, String(parties), '--', ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LANCEDB_URI: uri,
        ROUNDS: String(rounds),
        LANCEDB_READ_CONSISTENCY_SECONDS: '2',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise<RoundResult[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer ${name} exited with ${code}: ${err}`));
      else
        resolve(
          out
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as RoundResult),
        );
    });
  });
}

/** "inserted 1,500, updated 0, unchanged 0, …" → the numbers. */
function printedCount(stdout: string, label: string): number {
  const match = new RegExp(`${label} ([\\d,]+)`).exec(stdout);
  if (!match) throw new Error(`no "${label}" in ${JSON.stringify(stdout)}`);
  return Number(match[1].replaceAll(',', ''));
}

async function idsAndRewards(uri: string) {
  const rows = await readBack(await openTable({ uri, readConsistencyInterval: 0 }), [
    'trajectory_id',
    'reward',
  ]);
  return {
    rows: rows.length,
    unique: new Set(rows.map((r) => r.trajectory_id)).size,
    rewardSum: rows.reduce((sum, r) => sum + (r.reward as number), 0),
  };
}

describe('concurrent writers', () => {
  it('4 CLI processes loading the same file at once, 5 rounds: exactly one row per trajectory_id', async () => {
    const file = writeFile('same.jsonl', records(0, 1000));
    const uri = path.join(work.dir, 'same');
    const barrier = path.join(work.dir, 'barrier-same');
    const rounds = 5;
    const writers = ['a', 'b', 'c', 'd'].map((name) =>
      startWriter(uri, barrier, name, 4, rounds, ['--batch-size', '250', file]),
    );
    const results = await Promise.all(writers);
    for (let round = 0; round < rounds; round++) {
      const ofRound = results.map((perWriter) => perWriter[round]);
      for (const result of ofRound) {
        expect(result, result.stderr).toMatchObject({ code: 0 });
        expect(result.stderr).not.toMatch(/fail|error|conflict|warning/i);
      }
      // Every record landed once: the writers' inserts add up to the file, the rest found their rows stored.
      expect(ofRound.reduce((sum, r) => sum + printedCount(r.stdout, 'inserted'), 0)).toBe(1000);
      expect(ofRound.reduce((sum, r) => sum + printedCount(r.stdout, 'unchanged'), 0)).toBe(3 * 1000);
      // ids t0…t999: 333 rewards of 0.5 (i % 3 = 1) and 333 of 1 (i % 3 = 2), 499.5 in all.
      expect(await idsAndRewards(`${uri}-${round}`)).toEqual({ rows: 1000, unique: 1000, rewardSum: 499.5 });
    }
  }, 120_000);

  it('3 CLI processes and an HTTP request with overlapping files at once, 2 rounds: one row per id', async () => {
    const files = [records(0, 1500), records(500, 2000), records(1000, 2500)].map((text, i) =>
      writeFile(`overlap-${i}.jsonl`, text),
    );
    const body = records(250, 1250);
    const uri = path.join(work.dir, 'mix');
    const barrier = path.join(work.dir, 'barrier-mix');
    const rounds = 2;
    const writers = files.map((file, i) =>
      startWriter(uri, barrier, `cli-${i}`, 4, rounds, ['--batch-size', '200', file]),
    );
    for (let round = 0; round < rounds; round++) {
      await waitAtBarrier(barrier, round, 'http', 4);
      const response = await handleIngestRequest(
        new Request('http://localhost/api/trajectories', {
          method: 'POST',
          body,
          headers: { authorization: `Bearer ${TOKEN}` },
        }),
        { ...process.env, INGEST_TOKEN: TOKEN, LANCEDB_URI: `${uri}-${round}` },
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ read: 1000, rejected: 0 });
    }
    const results = await Promise.all(writers);
    for (let round = 0; round < rounds; round++) {
      for (const perWriter of results) {
        expect(perWriter[round], perWriter[round].stderr).toMatchObject({ code: 0 });
        expect(perWriter[round].stderr).not.toMatch(/fail|error|conflict|warning/i);
      }
      // ids t0…t2499: 833 rewards of 0.5 (i = 1, 4, …, 2497) and 833 of 1 (i = 2, 5, …, 2498).
      expect(await idsAndRewards(`${uri}-${round}`)).toEqual({ rows: 2500, unique: 2500, rewardSum: 1249.5 });
    }
  }, 120_000);

  it('3 CLI processes processing on worker threads with overlapping files at once: one row per id', async () => {
    // 4,000 records a file: past the 2,000 after which records go to worker threads (2 a process here).
    const files = [records(0, 4000), records(2000, 6000), records(4000, 8000)].map((text, i) =>
      writeFile(`workers-${i}.jsonl`, text),
    );
    const uri = path.join(work.dir, 'workers');
    const barrier = path.join(work.dir, 'barrier-workers');
    const writers = files.map((file, i) =>
      startWriter(uri, barrier, `w-${i}`, 3, 1, ['--batch-size', '500', file], { INGEST_WORKERS: '2' }),
    );
    const results = await Promise.all(writers);
    for (const [result] of results) {
      expect(result, result.stderr).toMatchObject({ code: 0 });
      expect(result.stderr).not.toMatch(/fail|error|conflict|warning/i);
      expect(result.stdout).toMatch(/2 worker threads/);
    }
    // ids t0…t7999: 2,667 rewards of 0.5 (i = 1, 4, …, 7999) and 2,666 of 1 (i = 2, 5, …, 7997).
    expect(await idsAndRewards(`${uri}-0`)).toEqual({ rows: 8000, unique: 8000, rewardSum: 3999.5 });
    expect(results.reduce((sum, [r]) => sum + printedCount(r.stdout, 'inserted'), 0)).toBe(8000);
  }, 180_000);
});
