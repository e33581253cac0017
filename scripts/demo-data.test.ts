import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '@/lib/ingest';
import {
  ADVERSARIAL_HTML,
  TERMINATION_REASONS,
  TOOL_NAMES,
  demoCampaignSize,
  demoQuestions,
  generateDemoCampaign,
  resolveCampaignOptions,
  type DemoCampaignOptions,
  type DemoRecord,
} from './demo-data';

/** 3 trainings × 12 epochs × 40 questions × 4 samples = 5,760 records. */
const SMALL: DemoCampaignOptions = { questions: 40, samples: 4 };
const small = [...generateDemoCampaign(SMALL)];

function hashFirst(options: DemoCampaignOptions, n: number): { hash: string; count: number } {
  const hash = createHash('sha256');
  let count = 0;
  for (const record of generateDemoCampaign(options)) {
    if (count < n) hash.update(JSON.stringify(record));
    count++;
  }
  return { hash: hash.digest('hex'), count };
}

const CUT_OFF = new Set(['max_turns', 'timeout', 'context_length']);

/** What is wrong with a record, as readable strings (an empty list when it is well-formed). */
function structuralProblems(r: DemoRecord, maxTurns: number): string[] {
  const problems: string[] = [];
  const where = `${r.training_id}/${r.epoch_id}/${r.data_id}/${r.sample_id}`;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  check(/^q-\d{4}$/.test(r.data_id), 'data_id');
  check(r.question.length > 20, 'question');
  check(Number.isInteger(r.iteration_id) && r.iteration_id >= 0, 'iteration_id');
  check(!Number.isNaN(Date.parse(r.created_at)), 'created_at');
  check((TERMINATION_REASONS as readonly string[]).includes(r.termination_reason), 'termination_reason');
  check(r.steps.length >= 1 && r.steps.length <= maxTurns, `step count ${r.steps.length}`);
  r.steps.forEach((step, i) => {
    check(step.step_id === i, `steps[${i}].step_id`);
    check(step.process_reward >= -1 && step.process_reward <= 1, `steps[${i}].process_reward`);
    check(typeof step.action_input === 'object' && step.action_input !== null, `steps[${i}].action_input`);
    check(typeof step.thought === 'string', `steps[${i}].thought`);
    if (step.action === 'respond') check(i === r.steps.length - 1, 'respond before the last step');
    else check(step.tool_status === 'success' || step.tool_status === 'error', `steps[${i}].tool_status`);
    if (step.tool_status === 'error')
      check(step.observation?.startsWith('Error: ') === true, `steps[${i}] error text`);
  });
  const endsWithRespond = r.steps[r.steps.length - 1]?.action === 'respond';
  check(endsWithRespond !== CUT_OFF.has(r.termination_reason), 'respond iff not cut off');
  if (r.termination_reason === 'max_turns') check(r.steps.length === maxTurns, 'max_turns uses every turn');
  return problems;
}

type Group = { records: number; positive: number; steps: number; toolCalls: number; toolErrors: number };

/** Per training, per epoch aggregates of a list of records. */
function byEpoch(records: readonly DemoRecord[]): Map<string, Group[]> {
  const out = new Map<string, Group[]>();
  for (const r of records) {
    let epochs = out.get(r.training_id);
    if (!epochs) out.set(r.training_id, (epochs = []));
    const g = (epochs[r.epoch_id] ??= { records: 0, positive: 0, steps: 0, toolCalls: 0, toolErrors: 0 });
    g.records++;
    if (r.reward > 0) g.positive++;
    g.steps += r.steps.length;
    for (const step of r.steps) {
      if (step.action === 'respond') continue;
      g.toolCalls++;
      if (step.tool_status === 'error') g.toolErrors++;
    }
  }
  return out;
}

function mean(groups: Group[], from: number, to: number, value: (g: Group) => [number, number]): number {
  let num = 0;
  let den = 0;
  for (const g of groups.slice(from, to + 1)) {
    const [a, b] = value(g);
    num += a;
    den += b;
  }
  return num / den;
}
const success = (g: Group): [number, number] => [g.positive, g.records];
const toolErrorRate = (g: Group): [number, number] => [g.toolErrors, g.toolCalls];
const stepsPerTrajectory = (g: Group): [number, number] => [g.steps, g.records];

describe('determinism', () => {
  it('gives the same records for the same options', () => {
    const a = hashFirst(SMALL, 500);
    const b = hashFirst(SMALL, 500);
    expect(a).toEqual(b);
    expect(a.count).toBe(demoCampaignSize(SMALL));
    expect(JSON.stringify(small.slice(-50))).toBe(
      JSON.stringify([...generateDemoCampaign(SMALL)].slice(-50)),
    );
  });

  it('gives different records for another seed', () => {
    expect(hashFirst({ ...SMALL, seed: 7 }, 500).hash).not.toBe(hashFirst(SMALL, 500).hash);
  });

  it('streams: the first records of a huge campaign come without generating the rest', () => {
    const started = performance.now();
    const iterator = generateDemoCampaign({ questions: 5_000, epochs: 200, samples: 16, lean: true });
    for (let i = 0; i < 100; i++) expect(iterator.next().done).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('shape', () => {
  it('has the default size of the brief', () => {
    expect(demoCampaignSize()).toBe(3 * 12 * 120 * 8);
    expect(small).toHaveLength(demoCampaignSize(SMALL));
  });

  it('every record is a well-formed steps record', () => {
    const { maxTurns } = resolveCampaignOptions(SMALL);
    const problems = small.flatMap((r) => structuralProblems(r, maxTurns));
    expect(problems.slice(0, 10)).toEqual([]);
    const keys = new Set(small.map((r) => `${r.training_id}|${r.epoch_id}|${r.data_id}|${r.sample_id}`));
    expect(keys.size).toBe(small.length);
  });

  it('rewards agree with termination reasons', () => {
    for (const r of small) {
      if (r.termination_reason === 'success') expect(r.reward).toBe(1);
      else if (r.termination_reason === 'wrong_answer') expect(r.reward >= 0 && r.reward < 1).toBe(true);
      else if (r.termination_reason === 'format_error') expect([-0.5, -0.1]).toContain(r.reward);
      else expect(r.reward).toBe(0);
    }
    const rewards = new Set(small.map((r) => r.reward));
    expect([...rewards].some((x) => x > 0 && x < 1)).toBe(true); // partial credit
    expect([...rewards].some((x) => x < 0)).toBe(true);
  });

  it('passes the project ingest validation with zero rejects', () => {
    const rejected = small.map((r) => normalizeRecord(r)).filter((result) => !result.ok);
    expect(rejected).toEqual([]);
  });

  it('process rewards follow the final reward (noisily)', () => {
    const meanPr = (records: DemoRecord[]) =>
      records.reduce((s, r) => s + r.steps.reduce((a, st) => a + st.process_reward, 0) / r.steps.length, 0) /
      records.length;
    const solved = meanPr(small.filter((r) => r.reward >= 1));
    const failed = meanPr(small.filter((r) => r.reward <= 0));
    expect(solved - failed).toBeGreaterThan(0.3);
  });

  it('asks every training the same questions', () => {
    const text = new Map<string, string>();
    for (const r of small) {
      expect(text.get(r.data_id) ?? r.question).toBe(r.question);
      text.set(r.data_id, r.question);
    }
    expect(text.size).toBe(40);
    expect(new Set(demoQuestions(SMALL).map((q) => q.domain))).toEqual(
      new Set(['math', 'qa', 'code', 'sql']),
    );
  });
});

describe('the story', () => {
  const epochs = byEpoch(small);
  const baseline = epochs.get('grpo-baseline')!;
  const curriculum = epochs.get('grpo-curriculum')!;
  const ppo = epochs.get('ppo-lr3e-6')!;

  it('has the three trainings over 12 epochs', () => {
    expect([...epochs.keys()]).toEqual(['grpo-baseline', 'grpo-curriculum', 'ppo-lr3e-6']);
    for (const groups of epochs.values()) expect(groups).toHaveLength(12);
  });

  it('baseline learns slowly', () => {
    const early = mean(baseline, 0, 2, success);
    const late = mean(baseline, 9, 11, success);
    expect(early).toBeGreaterThan(0.15);
    expect(early).toBeLessThan(0.38);
    expect(late - early).toBeGreaterThan(0.07);
    expect(late).toBeLessThan(0.58);
  });

  it('curriculum starts like the baseline and ends clearly better', () => {
    expect(Math.abs(mean(curriculum, 0, 2, success) - mean(baseline, 0, 2, success))).toBeLessThan(0.08);
    expect(mean(curriculum, 8, 11, success) - mean(baseline, 8, 11, success)).toBeGreaterThan(0.12);
    expect(mean(curriculum, 9, 11, success)).toBeGreaterThan(0.55);
    expect(mean(curriculum, 8, 11, toolErrorRate)).toBeLessThan(mean(baseline, 8, 11, toolErrorRate));
  });

  it('ppo learns, then collapses: less success, more tool errors, longer trajectories', () => {
    expect(mean(ppo, 3, 5, success)).toBeGreaterThan(mean(ppo, 0, 1, success));
    expect(mean(ppo, 9, 11, success)).toBeLessThan(mean(ppo, 3, 5, success) - 0.2);
    expect(mean(ppo, 9, 11, toolErrorRate)).toBeGreaterThan(2 * mean(ppo, 3, 5, toolErrorRate));
    expect(mean(ppo, 9, 11, stepsPerTrajectory)).toBeGreaterThan(mean(ppo, 3, 5, stepsPerTrajectory) + 2);
    const share = (from: number, to: number, reasons: string[]) => {
      const rs = small.filter(
        (r) => r.training_id === 'ppo-lr3e-6' && r.epoch_id >= from && r.epoch_id <= to,
      );
      return rs.filter((r) => reasons.includes(r.termination_reason)).length / rs.length;
    };
    expect(share(9, 11, ['format_error', 'context_length'])).toBeGreaterThan(
      3 * share(3, 5, ['format_error', 'context_length']),
    );
  });

  it('uses at least six tools, all seven termination reasons and every reward category', () => {
    const tools = new Set(small.flatMap((r) => r.steps.map((s) => s.action)).filter((a) => a !== 'respond'));
    expect(tools.size).toBeGreaterThanOrEqual(6);
    for (const tool of tools) expect(TOOL_NAMES).toContain(tool);
    expect(new Set(small.map((r) => r.termination_reason))).toEqual(new Set(TERMINATION_REASONS));
    const stepCounts = small.map((r) => r.steps.length);
    expect(Math.min(...stepCounts)).toBe(1);
    expect(Math.max(...stepCounts)).toBe(20);
  });

  it('includes hostile markup and, when asked, long observations', () => {
    const observations = small.flatMap((r) => r.steps.map((s) => s.observation ?? ''));
    for (const html of ADVERSARIAL_HTML) expect(observations.some((o) => o.includes(html))).toBe(true);
    const long = [...generateDemoCampaign({ ...SMALL, epochs: 2, longObservationRate: 0.01 })]
      .flatMap((r) => r.steps.map((s) => (s.observation ?? '').length))
      .filter((length) => length >= 20_000);
    expect(long.length).toBeGreaterThan(0);
    expect(Math.max(...long)).toBeLessThan(51_000);
  });

  it('lean mode keeps the story with smaller records', () => {
    const lean = [...generateDemoCampaign({ ...SMALL, lean: true })];
    expect(lean).toHaveLength(small.length);
    const size = (records: DemoRecord[]) => records.reduce((n, r) => n + JSON.stringify(r).length, 0);
    expect(size(lean)).toBeLessThan(0.8 * size(small));
    const leanPpo = byEpoch(lean).get('ppo-lr3e-6')!;
    expect(mean(leanPpo, 9, 11, success)).toBeLessThan(mean(leanPpo, 3, 5, success) - 0.2);
  });

  it('rejects nonsense scale options', () => {
    expect(() => demoCampaignSize({ questions: 0 })).toThrow(/questions/);
    expect(() => demoCampaignSize({ samples: 1.5 })).toThrow(/samples/);
    expect(demoCampaignSize({ trainings: 5, epochs: 2, questions: 3, samples: 2 })).toBe(60);
    const ids = new Set(
      [...generateDemoCampaign({ trainings: 4, epochs: 1, questions: 1, samples: 1 })].map(
        (r) => r.training_id,
      ),
    );
    expect(ids).toEqual(new Set(['grpo-baseline', 'grpo-curriculum', 'ppo-lr3e-6', 'grpo-baseline-r2']));
  });
});
