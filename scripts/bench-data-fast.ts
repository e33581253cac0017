/**
 * `tsx scripts/bench-data-fast.ts [--out data/bench-1m] [--runs 5 --epochs 20 --questions 1250 --samples 8]`:
 * writes a large benchmark table straight into LanceDB in big batches (no ingest parsing, short steps_json), so a
 * million trajectories take well under a minute. `--append N` adds N rows of a further epoch of the first run to an
 * existing table instead (for measuring refresh after an append).
 */
import { parseArgs } from 'node:util';
import * as lancedb from '@lancedb/lancedb';
import { TABLE_NAME, trajectorySchema, type Step, type TrajectoryRow } from '../lib/db';
import { longestRepeatedCallRun, stepText } from '../lib/ingest/derive';
import { mulberry32, type Rng } from '../lib/analysis/metrics/random';

export interface BenchShape {
  runs: number;
  epochs: number;
  questions: number;
  samples: number;
}

const TOOLS = ['search', 'python', 'calculator', 'browser', 'sql', 'weather'];
const REASONS = ['success', 'wrong_answer', 'timeout', 'max_turns', 'tool_error', 'format_error'];

/** A question's difficulty in [0, 1): how far from solved it starts. */
function difficulty(question: number): number {
  return mulberry32(question * 7919 + 11)();
}

function trajectory(rng: Rng, run: number, epoch: number, question: number, sample: number): TrajectoryRow {
  const skill = Math.min(0.95, 0.2 + 0.035 * epoch * (1 + run / 4)) - difficulty(question) * 0.4;
  const solved = rng() < skill;
  const partial = !solved && rng() < 0.15;
  const reward = solved ? 1 : partial ? 0.5 : rng() < 0.1 ? -0.5 : 0;
  const callCount = Math.floor(rng() * 5);
  const names: string[] = [];
  const failed: boolean[] = [];
  for (let c = 0; c < callCount; c++) {
    names.push(TOOLS[Math.floor(rng() * (TOOLS.length - (run % 2)))]);
    failed.push(rng() < 0.12);
  }
  const reason = solved || partial ? 'success' : REASONS[1 + Math.floor(rng() * (REASONS.length - 1))];
  const steps: Step[] = names.map((name, i) => ({
    step_id: i,
    thought: null,
    action: name,
    action_input: { q: `q${question}` },
    observation: failed[i] ? 'Error: failed' : 'ok',
    tool_status: failed[i] ? 'error' : 'success',
    process_reward: null,
  }));
  const training = `run-${run}`;
  return {
    trajectory_id: `${training}:${epoch}:${question}:${sample}`,
    training_id: training,
    epoch_id: epoch,
    iteration_id: epoch,
    sample_id: sample,
    data_id: `task-${question}`,
    question:
      question % 50 === 49 ? null : `Benchmark question number ${question}: answer it with the tools given.`,
    reward,
    termination_reason: reason,
    agent_name: run === 4 ? null : `agent-${run % 2}`,
    created_at: new Date(Date.UTC(2026, 0, 1) + (run * 1000 + epoch) * 3_600_000 + question * 1000),
    steps_json: JSON.stringify(steps),
    step_count: callCount + 1,
    tool_call_count: callCount,
    tool_error_count: failed.filter(Boolean).length,
    tools_used: [...new Set(names)],
    tools_failed: [...new Set(names.filter((_, i) => failed[i]))],
    tool_call_names: names,
    tool_call_failed: failed,
    process_reward_mean: rng() < 0.2 ? null : Math.round((reward - 0.25 + rng() * 0.5) * 1000) / 1000,
    step_text: stepText(steps),
    turn_count: steps.length,
    error_fingerprints: failed.filter(Boolean).map(() => 'Error: failed'),
    dataset: null,
    reward_components: null,
    prompt_tokens: null,
    response_tokens: null,
    truncated: null,
    latency_s: null,
    cost_usd: null,
    policy_version: null,
    advantage: null,
    metadata: null,
    repeated_call_run: longestRepeatedCallRun(steps),
    // Every step is a tool call: no final answer.
    final_answer_chars: null,
    final_repeat_share: null,
    final_answer_fingerprint: '',
  };
}

/** Rows of the benchmark campaign in batches, deterministically (run-major, then epoch, question, sample). */
export function* benchBatches(
  shape: BenchShape,
  firstEpoch = 0,
  batchSize = 50_000,
): Generator<TrajectoryRow[]> {
  let batch: TrajectoryRow[] = [];
  for (let run = 0; run < shape.runs; run++) {
    for (let epoch = firstEpoch; epoch < firstEpoch + shape.epochs; epoch++) {
      const rng = mulberry32(run * 100_003 + epoch);
      for (let question = 0; question < shape.questions; question++) {
        for (let sample = 0; sample < shape.samples; sample++) {
          batch.push(trajectory(rng, run, epoch, question, sample));
          if (batch.length === batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** Writes the campaign into a new table `trajectories` at `uri` (replacing one that exists). */
export async function writeBenchTable(uri: string, shape: BenchShape): Promise<number> {
  const db = await lancedb.connect(uri);
  const table = await db.createEmptyTable(TABLE_NAME, trajectorySchema, { mode: 'overwrite' });
  let written = 0;
  for (const batch of benchBatches(shape)) {
    await table.add(batch as unknown as Record<string, unknown>[]);
    written += batch.length;
  }
  return written;
}

/** Appends `rows` trajectories of a new epoch of run-0 (after the last one) to the table at `uri`. */
export async function appendBenchRows(uri: string, rows: number): Promise<number> {
  const db = await lancedb.connect(uri);
  const table = await db.openTable(TABLE_NAME);
  const rowsOfRun = await table.query().select(['epoch_id']).where("training_id = 'run-0'").toArray();
  const epoch = rowsOfRun.reduce((max, row) => Math.max(max, Number(row.epoch_id)), -1) + 1;
  const shape = { runs: 1, epochs: 1, questions: Math.ceil(rows / 8), samples: 8 };
  const batch = [...benchBatches(shape, epoch, rows)][0].slice(0, rows);
  await table.add(batch as unknown as Record<string, unknown>[]);
  return batch.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'data/bench-1m' },
      runs: { type: 'string', default: '5' },
      epochs: { type: 'string', default: '20' },
      questions: { type: 'string', default: '1250' },
      samples: { type: 'string', default: '8' },
      append: { type: 'string' },
    },
  });
  const started = performance.now();
  if (values.append) {
    const added = await appendBenchRows(values.out, Number(values.append));
    console.log(`appended ${added} rows to ${values.out} in ${Math.round(performance.now() - started)} ms`);
    return;
  }
  const shape = {
    runs: Number(values.runs),
    epochs: Number(values.epochs),
    questions: Number(values.questions),
    samples: Number(values.samples),
  };
  const written = await writeBenchTable(values.out, shape);
  console.log(
    `wrote ${written} rows to ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1]?.endsWith('bench-data-fast.ts')) await main();
