import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest';
import { errorFingerprint } from '../ingest/error-fingerprint';
import { openTable, readBack } from '../ingest/test-db';
import { tempDb, tempDir } from './fixture';
import {
  HEALTH_DETECTORS,
  RESPONSE_TOKEN_CAP,
  SCENARIO_KINDS,
  scenarioRun,
  scenarioSuite,
  TOOLS,
  type HealthDetectorId,
  type ScenarioRecord,
  type ScenarioRun,
  type ScenarioStep,
} from './health-scenarios';

const SEEDS = [1, 2, 3];

// Runs are generated once per (kind, seed) and shared by the tests below.
const cache = new Map<string, ScenarioRun>();
function run(kind: HealthDetectorId | 'clean', seed: number): ScenarioRun {
  const key = `${kind}/${seed}`;
  let found = cache.get(key);
  if (!found) {
    found = scenarioRun(kind, seed);
    cache.set(key, found);
  }
  return found;
}

function recordsOf(scenario: ScenarioRun): ScenarioRecord[] {
  return scenario.records as ScenarioRecord[];
}

/** The records before and from the injection's onset. */
function split(scenario: ScenarioRun): { pre: ScenarioRecord[]; post: ScenarioRecord[]; onset: number } {
  const onset = scenario.injection?.epoch;
  if (onset === undefined) throw new Error('a clean run has no onset');
  const records = recordsOf(scenario);
  return {
    pre: records.filter((r) => r.epoch_id < onset),
    post: records.filter((r) => r.epoch_id >= onset),
    onset,
  };
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  expect(items.length).toBeGreaterThan(0);
  return items.filter(test).length / items.length;
}

function mean(values: readonly number[]): number {
  expect(values.length).toBeGreaterThan(0);
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

const isCall = (step: ScenarioStep) => step.role === undefined && step.action !== 'final_answer';
const callsOf = (record: ScenarioRecord) => record.steps.filter(isCall);

/** The longest run of consecutive calls with the same tool and the same arguments. */
function longestRun(record: ScenarioRecord): number {
  let longest = 0;
  let run = 0;
  let previous = '';
  for (const step of callsOf(record)) {
    const key = `${step.action} ${JSON.stringify(step.action_input)}`;
    run = key === previous ? run + 1 : 1;
    previous = key;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The final answer's words, or null without one. */
function finalAnswer(record: ScenarioRecord): string | null {
  const last = record.steps[record.steps.length - 1];
  return last.action === 'final_answer' ? (last.content ?? '') : null;
}

/** Of the answer's word 4-grams, the share already seen earlier in it (0 below 8 words). */
function repeatedFourGrams(text: string): number {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length < 8) return 0;
  const seen = new Set<string>();
  let repeats = 0;
  for (let i = 0; i + 4 <= words.length; i++) {
    const gram = words.slice(i, i + 4).join(' ');
    if (seen.has(gram)) repeats++;
    seen.add(gram);
  }
  return repeats / (words.length - 3);
}

const success = (record: ScenarioRecord) => record.reward_components.correctness === 1;

/** The records of each (epoch, question) group. */
function groups(records: readonly ScenarioRecord[]): ScenarioRecord[][] {
  const out = new Map<string, ScenarioRecord[]>();
  for (const record of records) {
    const key = `${record.epoch_id}/${record.data_id}`;
    const group = out.get(key) ?? [];
    group.push(record);
    out.set(key, group);
  }
  return [...out.values()];
}

function byEpoch(records: readonly ScenarioRecord[], epochs = 10): ScenarioRecord[][] {
  return Array.from({ length: epochs }, (_, e) => records.filter((r) => r.epoch_id === e));
}

describe('scenarioRun: shape', () => {
  it('gives epochs × questions × samples native records, one per (epoch, question, sample)', () => {
    const scenario = run('clean', 1);
    expect(scenario.trainingId).toBe('health-clean-s1');
    expect(scenario.injection).toBeNull();
    const records = recordsOf(scenario);
    expect(records).toHaveLength(2560);
    expect(new Set(records.map((r) => `${r.epoch_id}/${r.data_id}/${r.sample_id}`)).size).toBe(2560);
    expect(new Set(records.map((r) => r.epoch_id))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(new Set(records.map((r) => r.data_id))).toEqual(
      new Set(Array.from({ length: 32 }, (_, q) => `q-${q}`)),
    );
    expect(new Set(records.map((r) => r.sample_id))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    for (const record of records) {
      expect(record.training_id).toBe('health-clean-s1');
      expect(record.steps[0]).toMatchObject({ role: 'system' });
      expect(record.steps[1]).toEqual({ role: 'user', content: record.question });
      expect(callsOf(record).length).toBeGreaterThanOrEqual(1);
      for (const call of callsOf(record)) {
        expect(TOOLS).toContain(call.action);
        expect(call.tool_status === 'error').toBe(call.error !== undefined);
      }
      // Every trajectory but a truncated one ends with its final answer.
      expect(finalAnswer(record) === null).toBe(record.termination_reason === 'max_tokens');
      expect(record.metrics.truncated).toBe(record.termination_reason === 'max_tokens' ? 1 : 0);
      const { correctness, format } = record.reward_components;
      expect(record.reward).toBeCloseTo(correctness === 1 ? 0.8 + 0.2 * format : 0, 3);
    }
  });

  it('follows the options and names the injection', () => {
    const scenario = scenarioRun('tool_errors', 5, { epochs: 6, questions: 5, samples: 4, onsetEpoch: 2 });
    expect(scenario.records).toHaveLength(6 * 5 * 4);
    expect(scenario.trainingId).toBe('health-tool_errors-s5');
    expect(scenario.injection).toMatchObject({ detector: 'tool_errors', epoch: 2 });
    expect(TOOLS).toContain(scenario.injection?.subject);
    expect(() => scenarioRun('clean', 1, { epochs: 0 })).toThrow(RangeError);
    expect(() => scenarioRun('clean', 1, { samples: 2.5 })).toThrow(RangeError);
    expect(() => scenarioRun('truncation', 1, { epochs: 5, onsetEpoch: 5 })).toThrow(RangeError);
  });

  it('draws the default onset in [4, epochs − 3] with the documented subjects', () => {
    const onsets = new Set<number>();
    for (const seed of [1, 2, 3, 4, 5, 6])
      for (const detector of HEALTH_DETECTORS) {
        const injection = scenarioRun(detector, seed, { questions: 1, samples: 1 }).injection;
        expect(injection?.detector).toBe(detector);
        const epoch = injection?.epoch ?? -1;
        expect(epoch).toBeGreaterThanOrEqual(4);
        expect(epoch).toBeLessThanOrEqual(7);
        onsets.add(epoch);
        const subject = injection?.subject ?? null;
        if (detector === 'tool_errors') expect(TOOLS).toContain(subject);
        else if (detector === 'reward_component') expect(subject).toBe('format');
        else expect(subject).toBeNull();
      }
    expect(onsets.size).toBeGreaterThan(1);
  });

  it('is deterministic per seed', () => {
    for (const kind of SCENARIO_KINDS) {
      expect(JSON.stringify(scenarioRun(kind, 2))).toBe(JSON.stringify(run(kind, 2)));
      const small = { epochs: 3, questions: 4, onsetEpoch: 1 };
      const [a, b] = [scenarioRun(kind, 2, small), scenarioRun(kind, 3, small)];
      expect(a.records.map((r) => ({ ...r, training_id: '' }))).not.toEqual(
        b.records.map((r) => ({ ...r, training_id: '' })),
      );
    }
  });

  it("equals the clean run before the onset (bar reward_component's scoring)", () => {
    for (const detector of HEALTH_DETECTORS) {
      if (detector === 'reward_component') continue;
      const clean = recordsOf(run('clean', 1));
      const { pre, onset } = split(run(detector, 1));
      expect(pre).toHaveLength(onset * 256);
      pre.forEach((record, i) =>
        expect({ ...record, training_id: '' }).toEqual({ ...clean[i], training_id: '' }),
      );
    }
  });

  it('scenarioSuite gives every kind for each seed', () => {
    const suite = scenarioSuite([1, 2], { epochs: 5, questions: 3, samples: 2 });
    expect(suite.map((s) => s.trainingId)).toEqual(
      [1, 2].flatMap((seed) => SCENARIO_KINDS.map((kind) => `health-${kind}-s${seed}`)),
    );
    for (const scenario of suite) expect(scenario.records).toHaveLength(30);
  });

  it('generates a default run quickly', () => {
    scenarioRun('clean', 99); // warm up
    const started = performance.now();
    for (const kind of SCENARIO_KINDS) scenarioRun(kind, 100);
    const perRun = (performance.now() - started) / SCENARIO_KINDS.length;
    expect(perRun).toBeLessThan(200);
  });
});

describe('the clean run looks like learning', () => {
  it.each(SEEDS)('seed %i: success rises and easy questions drift to all-pass groups', (seed) => {
    const epochs = byEpoch(recordsOf(run('clean', seed)));
    const rates = epochs.map((records) => share(records, success));
    expect(mean(rates.slice(0, 3))).toBeLessThan(mean(rates.slice(-3)));
    expect(mean(rates.slice(0, 3))).toBeGreaterThan(0.35);
    expect(mean(rates.slice(-3))).toBeLessThan(0.95);
    const allPass = epochs.map((records) => share(groups(records), (g) => g.every((r) => r.reward > 0)));
    expect(mean(allPass.slice(0, 3))).toBeLessThan(mean(allPass.slice(-3)));
    expect(mean(allPass.slice(0, 3))).toBeLessThan(0.25);
    expect(mean(allPass.slice(-3))).toBeGreaterThan(0.15);
    // Groups scored 0 throughout stay a minority.
    for (const records of epochs)
      expect(share(groups(records), (g) => g.every((r) => r.reward === 0))).toBeLessThan(0.3);
  });

  it.each(SEEDS)('seed %i: base rates stay low in every epoch', (seed) => {
    const records = recordsOf(run('clean', seed));
    const calls = records.flatMap(callsOf);
    expect(share(calls, (c) => c.tool_status === 'error')).toBeGreaterThan(0.03);
    expect(share(calls, (c) => c.tool_status === 'error')).toBeLessThan(0.075);
    expect(share(records, (r) => r.termination_reason === 'max_tokens')).toBeGreaterThan(0.015);
    expect(share(records, (r) => r.termination_reason === 'max_tokens')).toBeLessThan(0.05);
    expect(share(records, (r) => r.termination_reason === 'format_error')).toBeGreaterThan(0.005);
    expect(share(records, (r) => r.termination_reason === 'format_error')).toBeLessThan(0.04);
    // Occasional retries (a run of 2, rarely 3), never more.
    expect(share(records, (r) => longestRun(r) >= 2)).toBeGreaterThan(0.03);
    expect(share(records, (r) => longestRun(r) >= 2)).toBeLessThan(0.1);
    expect(Math.max(...records.map(longestRun))).toBeLessThanOrEqual(3);
    for (const epoch of byEpoch(records)) {
      expect(share(epoch, (r) => r.termination_reason === 'max_tokens')).toBeLessThan(0.08);
      expect(share(epoch, (r) => r.termination_reason === 'format_error')).toBeLessThan(0.07);
      for (const tool of TOOLS) {
        const toolCalls = epoch.flatMap(callsOf).filter((c) => c.action === tool);
        expect(share(toolCalls, (c) => c.tool_status === 'error')).toBeLessThan(0.15);
      }
    }
    // Answers of 8–40 words of varied text, a few empty.
    const answers = records
      .filter((r) => r.termination_reason === 'answered')
      .map((r) => finalAnswer(r) ?? '');
    const empty = share(answers, (a) => a === '');
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThan(0.03);
    for (const answer of answers.filter((a) => a !== '')) {
      const words = answer.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(8);
      expect(words).toBeLessThanOrEqual(40);
      expect(repeatedFourGrams(answer)).toBeLessThan(0.2);
    }
    expect(new Set(answers).size).toBeGreaterThan(answers.length * 0.95);
    // Failure messages carry particulars.
    expect(new Set(calls.map((c) => c.error).filter(Boolean)).size).toBeGreaterThan(50);
    // Longer responses over the epochs, truncated ones at the cap.
    const tokens = byEpoch(records).map((epoch) =>
      mean(epoch.filter((r) => r.metrics.truncated === 0).map((r) => r.metrics.response_tokens)),
    );
    expect(tokens[9]).toBeGreaterThan(tokens[0] * 1.1);
    for (const record of records.filter((r) => r.metrics.truncated === 1))
      expect(record.metrics.response_tokens).toBe(RESPONSE_TOKEN_CAP);
  });
});

describe('each pathology, before and from its onset', () => {
  it.each(SEEDS)('zero_variance (seed %i): most groups are scored 0 for every sample', (seed) => {
    const { pre, post } = split(run('zero_variance', seed));
    const zero = (group: ScenarioRecord[]) => group.every((r) => r.reward === 0);
    expect(share(groups(pre), zero)).toBeLessThan(0.2);
    expect(share(groups(post), zero)).toBeGreaterThan(0.6);
  });

  it.each(SEEDS)('truncation (seed %i): trajectories hit the token cap ten times as often', (seed) => {
    const { pre, post } = split(run('truncation', seed));
    const truncated = (r: ScenarioRecord) => r.termination_reason === 'max_tokens';
    expect(share(pre, truncated)).toBeLessThan(0.06);
    expect(share(post, truncated)).toBeGreaterThan(0.24);
    expect(share(post, truncated)).toBeLessThan(0.36);
    for (const record of post.filter(truncated)) {
      expect(record.metrics).toEqual({ response_tokens: RESPONSE_TOKEN_CAP, truncated: 1 });
      expect(finalAnswer(record)).toBeNull();
      expect(record.reward).toBe(0);
    }
  });

  it.each(SEEDS)('tool_errors (seed %i): one tool fails half its calls with one message', (seed) => {
    const scenario = run('tool_errors', seed);
    const subject = scenario.injection?.subject;
    const { pre, post } = split(scenario);
    const failed = (c: ScenarioStep) => c.tool_status === 'error';
    const subjectCalls = (records: ScenarioRecord[]) =>
      records.flatMap(callsOf).filter((c) => c.action === subject);
    expect(share(subjectCalls(pre), failed)).toBeLessThan(0.1);
    expect(share(subjectCalls(post), failed)).toBeGreaterThan(0.4);
    const others = post.flatMap(callsOf).filter((c) => c.action !== subject);
    expect(share(others, failed)).toBeLessThan(0.1);
    // One fingerprint dominates, its messages differ by their ids.
    const messages = subjectCalls(post)
      .filter(failed)
      .map((c) => c.error ?? '');
    const prints = new Map<string, number>();
    for (const message of messages)
      prints.set(errorFingerprint(message), (prints.get(errorFingerprint(message)) ?? 0) + 1);
    const [top, count] = [...prints.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(count / messages.length).toBeGreaterThan(0.8);
    expect(top).toMatch(
      /^(reservation <id> not found|index shard <id> unavailable|sandbox <id> crashed: out of memory)$/,
    );
    if (subject === 'lookup') expect(top).toBe('reservation <id> not found');
    expect(new Set(messages).size).toBeGreaterThan(messages.length * 0.8);
  });

  it.each(SEEDS)('repeated_calls (seed %i): a fifth of trajectories loop on one call 6–10 times', (seed) => {
    const { pre, post } = split(run('repeated_calls', seed));
    expect(share(pre, (r) => longestRun(r) >= 6)).toBe(0);
    const looping = share(post, (r) => longestRun(r) >= 6);
    expect(looping).toBeGreaterThan(0.15);
    expect(looping).toBeLessThan(0.25);
    expect(Math.max(...post.map(longestRun))).toBeLessThanOrEqual(13);
  });

  it.each(SEEDS)('format_errors (seed %i): a quarter of answers cannot be parsed', (seed) => {
    const { pre, post } = split(run('format_errors', seed));
    const formatError = (r: ScenarioRecord) => r.termination_reason === 'format_error';
    expect(share(pre, formatError)).toBeLessThan(0.04);
    expect(share(post, formatError)).toBeGreaterThan(0.2);
    expect(share(post, formatError)).toBeLessThan(0.3);
    for (const record of post.filter(formatError)) {
      expect(record.reward).toBe(0);
      expect(record.reward_components).toEqual({ correctness: 0, format: 0 });
      expect(finalAnswer(record)).toBeTruthy();
    }
  });

  it.each(SEEDS)('reward_collapse (seed %i): success falls well below its level and stays there', (seed) => {
    const { onset } = split(run('reward_collapse', seed));
    const rates = byEpoch(recordsOf(run('reward_collapse', seed))).map((epoch) => share(epoch, success));
    const before = mean(rates.slice(onset - 2, onset));
    for (const rate of rates.slice(onset)) expect(rate).toBeLessThan(0.65 * before);
    expect(mean(rates.slice(onset))).toBeLessThan(0.55 * before);
  });

  it.each(SEEDS)('degenerate_text (seed %i): answers turn empty or repeat one phrase', (seed) => {
    const { pre, post } = split(run('degenerate_text', seed));
    const answered = (records: ScenarioRecord[]) =>
      records.filter((r) => r.termination_reason === 'answered').map((r) => finalAnswer(r) ?? '');
    const degenerate = (answer: string) => answer === '' || repeatedFourGrams(answer) > 0.5;
    expect(share(answered(pre), degenerate)).toBeLessThan(0.03);
    expect(share(answered(post), degenerate)).toBeGreaterThan(0.25);
    expect(share(answered(post), (a) => repeatedFourGrams(a) > 0.5)).toBeGreaterThan(0.15);
  });

  it.each(SEEDS)(
    'reward_component (seed %i): format rises to 1 and lifts the reward while correctness falls',
    (seed) => {
      const { pre, post } = split(run('reward_component', seed));
      for (const record of [...pre, ...post]) {
        const { correctness, format } = record.reward_components;
        expect(record.reward).toBeCloseTo(0.5 * correctness + 0.5 * format, 3);
        expect(record.reward > 0.5).toBe(correctness === 1);
      }
      const format = (records: ScenarioRecord[]) => mean(records.map((r) => r.reward_components.format));
      const correctness = (records: ScenarioRecord[]) =>
        mean(records.map((r) => r.reward_components.correctness));
      const reward = (records: ScenarioRecord[]) => mean(records.map((r) => r.reward));
      expect(format(pre)).toBeLessThan(0.65);
      expect(format(post)).toBeGreaterThan(0.95);
      expect(correctness(post)).toBeLessThan(0.8 * correctness(pre));
      expect(reward(post)).toBeGreaterThan(reward(pre) + 0.03);
    },
  );
});

describe('ingest', () => {
  const db = tempDb('rl-dash-health-');
  const files = tempDir('rl-dash-health-files-');
  afterAll(() => {
    db.cleanup();
    files.cleanup();
  });

  it('takes a scenario run as JSONL: every record accepted, the derived columns agree', async () => {
    const scenario = run('repeated_calls', 1);
    const file = path.join(files.dir, `${scenario.trainingId}.jsonl`);
    fs.writeFileSync(file, scenario.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const summary = await ingestFiles([file], { db: db.config });
    expect(summary).toMatchObject({ accepted: scenario.records.length, rejected: 0, errors: [] });
    expect(summary.accepted).toBe(2560);

    const rows = await readBack(await openTable(db.config), [
      'training_id',
      'epoch_id',
      'data_id',
      'sample_id',
      'reward',
      'repeated_call_run',
      'tool_error_count',
      'truncated',
    ]);
    expect(rows).toHaveLength(2560);
    const byKey = new Map(recordsOf(scenario).map((r) => [`${r.epoch_id}/${r.data_id}/${r.sample_id}`, r]));
    for (const row of rows) {
      const record = byKey.get(`${row.epoch_id}/${row.data_id}/${row.sample_id}`);
      expect(record).toBeDefined();
      if (!record) continue;
      expect(row.training_id).toBe(scenario.trainingId);
      expect(row.reward).toBe(record.reward);
      expect(row.repeated_call_run).toBe(longestRun(record));
      expect(row.tool_error_count).toBe(callsOf(record).filter((c) => c.tool_status === 'error').length);
      expect(row.truncated).toBe(record.metrics.truncated);
    }
  });
});
