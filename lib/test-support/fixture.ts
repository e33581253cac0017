import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DbConfig } from '../db';
import { ingestFiles, ingestText } from '../ingest';
import { TAU_BENCH_FILE } from './tau-bench-file';

/** A folder in the OS temp folder, removed by `cleanup`. */
export function tempDir(prefix = 'rl-dash-files-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TempDb {
  dir: string;
  config: DbConfig;
  cleanup: () => void;
}

/** A LanceDB database in a fresh temp folder (the folder is the URI), removed by `cleanup`. */
export function tempDb(prefix = 'rl-dash-db-'): TempDb {
  const { dir, cleanup } = tempDir(prefix);
  return { dir, config: { uri: dir, readConsistencyInterval: 0 }, cleanup };
}

export { TAU_BENCH_FILE };

/**
 * A small campaign whose figures are computed by hand in the tests. Each row: training, epoch, question, sample,
 * reward, termination reason, tool calls ("name" ok, "name!" failed), process rewards.
 */
export const FIXTURE: [string, number, string, number, number, string, string[], number[]][] = [
  // alpha, epoch 0: q1 c=2/4, q2 c=0/4, q3 c=4/4 (one partial 0.5)
  ['alpha', 0, 'q1', 0, 1, 'success', ['search', 'python'], [0.5, 1]],
  ['alpha', 0, 'q1', 1, 0, 'wrong_answer', ['search'], [0]],
  ['alpha', 0, 'q1', 2, 0, 'timeout', ['search!', 'search!'], [-0.5]],
  ['alpha', 0, 'q1', 3, 1, 'success', ['python'], [1]],
  ['alpha', 0, 'q2', 0, 0, 'wrong_answer', [], []],
  ['alpha', 0, 'q2', 1, 0, 'max_turns', ['search', 'search', 'search'], [0, 0]],
  ['alpha', 0, 'q2', 2, 0, 'wrong_answer', ['calculator'], [-1]],
  ['alpha', 0, 'q2', 3, -0.5, 'tool_error', ['python!'], [-1]],
  ['alpha', 0, 'q3', 0, 1, 'success', ['calculator'], [1]],
  ['alpha', 0, 'q3', 1, 1, 'success', [], [0.5]],
  ['alpha', 0, 'q3', 2, 0.5, 'success', ['python!', 'python'], [0]],
  ['alpha', 0, 'q3', 3, 1, 'success', ['search'], [1]],
  // alpha, epoch 1: q1 c=3/4, q2 c=1/4, q3 c=4/4
  ['alpha', 1, 'q1', 0, 1, 'success', ['search'], [1]],
  ['alpha', 1, 'q1', 1, 1, 'success', ['search'], [1]],
  ['alpha', 1, 'q1', 2, 1, 'success', ['python'], [1]],
  ['alpha', 1, 'q1', 3, 0, 'wrong_answer', ['python!'], [0]],
  ['alpha', 1, 'q2', 0, 1, 'success', ['calculator'], [0.5]],
  ['alpha', 1, 'q2', 1, 0, 'wrong_answer', [], []],
  ['alpha', 1, 'q2', 2, 0, 'wrong_answer', ['search'], [0]],
  ['alpha', 1, 'q2', 3, 0, 'timeout', ['search!'], [-0.5]],
  ['alpha', 1, 'q3', 0, 1, 'success', [], [1]],
  ['alpha', 1, 'q3', 1, 1, 'success', ['calculator'], [1]],
  ['alpha', 1, 'q3', 2, 1, 'success', ['search'], [0.5]],
  ['alpha', 1, 'q3', 3, 1, 'success', ['search'], [1]],
  // beta, epoch 0, two samples per question: q1 c=1/2, q2 c=0/2
  ['beta', 0, 'q1', 0, 1, 'success', ['search'], [1]],
  ['beta', 0, 'q1', 1, 0, 'wrong_answer', ['search!'], []],
  ['beta', 0, 'q2', 0, 0, 'max_turns', ['python', 'python'], [0]],
  ['beta', 0, 'q2', 1, 0, 'wrong_answer', [], [0]],
];

const QUESTIONS: Record<string, string> = {
  q1: 'What is the capital of France?',
  q2: "Compute 17 * 23 and explain <b>why</b> it's right",
  q3: 'Sort the list [3, 1, 2]',
};

export function fixtureRecords(): Record<string, unknown>[] {
  return FIXTURE.map(([training, epoch, question, sample, reward, reason, calls, processRewards]) => {
    const steps: Record<string, unknown>[] = calls.map((call, i) => {
      const failed = call.endsWith('!');
      const tool = failed ? call.slice(0, -1) : call;
      return {
        thought: `step ${i} of ${question}`,
        action: tool,
        action_input: { query: `${question}-${i}` },
        observation: failed ? `Error: ${tool} failed on <script>alert(1)</script>` : `${tool} result ${i}`,
        tool_status: failed ? 'error' : 'success',
        process_reward: processRewards[i] ?? null,
      };
    });
    steps.push({
      thought: 'answer',
      action: 'respond',
      action_input: { answer: String(reward) },
      observation: 'final',
      process_reward: processRewards[calls.length] ?? null,
    });
    return {
      training_id: training,
      epoch_id: epoch,
      sample_id: sample,
      data_id: question,
      question: QUESTIONS[question],
      reward,
      termination_reason: reason,
      agent_name: `${training}-agent`,
      created_at: `2026-01-0${epoch + 1}T00:00:00Z`,
      steps,
    };
  });
}

export async function loadFixture(config: DbConfig): Promise<void> {
  const text = fixtureRecords()
    .map((r) => JSON.stringify(r))
    .join('\n');
  const summary = await ingestText(text, { db: config });
  if (summary.rejected > 0) throw new Error(`fixture rejected: ${JSON.stringify(summary.errors)}`);
}

async function ingestTauBench(config: DbConfig): Promise<void> {
  const summary = await ingestFiles([TAU_BENCH_FILE], { db: config });
  if (summary.rejected > 0)
    throw new Error(`tau-bench rejected: ${JSON.stringify(summary.errors.slice(0, 3))}`);
}

/** The tau-bench database, loaded once per worker (the test projects share modules within a worker). */
let tauBenchTemplate: Promise<string> | null = null;

function tauBenchDatabase(): Promise<string> {
  if (!tauBenchTemplate) {
    const db = tempDb('rl-dash-tau-bench-');
    process.once('exit', db.cleanup);
    tauBenchTemplate = ingestTauBench(db.config).then(() => db.dir);
  }
  return tauBenchTemplate;
}

/**
 * Loads the tau-bench file into `config`. An empty local folder gets a copy of a database loaded once per worker
 * (the files a fresh ingest writes, committed earlier); anything else goes through the ingest.
 */
export async function loadTauBench(config: DbConfig): Promise<void> {
  const emptyFolder =
    !config.uri.includes('://') && (!fs.existsSync(config.uri) || fs.readdirSync(config.uri).length === 0);
  if (!emptyFolder) return ingestTauBench(config);
  fs.cpSync(await tauBenchDatabase(), config.uri, { recursive: true });
}
