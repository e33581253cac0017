/**
 * Synthetic training runs for testing the health monitor: a clean run that learns the way a real GRPO run does, or the
 * same run with one pathology injected from an onset epoch on. Pure and deterministic per seed (every draw comes from
 * the seeded generator of the demo campaign, no clock, no Math.random); the records are native `steps` records
 * (docs/ingest.md), ready to be written as JSONL and ingested.
 *
 * The clean run (all rates drawn per seed within ±20% of these):
 *
 * - questions `q-0`…`q-<n-1>`, each with an ability ≈ normal(m, 1.9) (m drawn per seed in [0.2, 0.6]); a group's
 *   success probability is `sigmoid(ability + 0.25·epoch + noise)` (noise per group, sd 0.35) and each sample succeeds
 *   with it, so success rises from ≈ 55% to ≈ 80% and easy questions drift to all-pass groups (≈ 10% of the groups in
 *   the first epoch, ≈ 30% in the tenth);
 * - `reward_components`: `correctness` 0/1 and `format` (≈ normal(0.9, 0.05) clamped to [0.8, 1]; 0 when the answer
 *   cannot be parsed: a `format_error` or a truncated trajectory); `reward = correctness ? 0.8 + 0.2·format : 0`, so
 *   success is `reward > 0` (and `reward > 0.5`);
 * - 1–4 calls of `search`, `lookup`, `calculator`, each failing 5% of the time with messages carrying particulars
 *   ("record QX-4411 not found", "timeout after 30 s"); 6% of trajectories repeat one call once more with the same
 *   arguments (a sixth of those twice more: a run of 3);
 * - terminations: 3% `max_tokens` (metrics.truncated 1, response_tokens the cap 2048, no final answer), 2%
 *   `format_error` (a garbled final answer, reward 0), else `answered`; 1% of answers are empty;
 * - `metrics.response_tokens` ≈ normal(600, 120) growing 2% per epoch; final answers of 8–40 words of varied text.
 *
 * The pathologies (`PATHOLOGY` holds the figures), each from the onset epoch on:
 *
 * - `zero_variance`: 70% of the groups are scored 0 for every sample (correctness 0, reward 0: the grader broke).
 * - `truncation`: 30% of trajectories hit the token cap (`max_tokens`, truncated 1, 2048 tokens, no final answer).
 * - `tool_errors` (subject: one tool, drawn per seed): that tool fails 50% of its calls, 90% of those with one message
 *   whose id varies ("reservation K7XQ2M not found" for `lookup`, one fingerprint).
 * - `repeated_calls`: 20% of trajectories call one tool with the same arguments 6–10 times in a row (same result each
 *   time); such a trajectory succeeds half as often.
 * - `format_errors`: 25% of trajectories end with an unparseable answer (`format_error`, reward 0, format 0).
 * - `reward_collapse`: the success probability falls to 40% of what it would have been, and stays there.
 * - `degenerate_text`: 30% of final answers are empty (a third) or one phrase repeated 12–40 times; they fail.
 * - `reward_component` (subject `format`): reward hacking. This run scores `reward = 0.5·correctness + 0.5·format` in
 *   every epoch, failed samples included, with format ≈ normal(0.55, 0.15) in [0.2, 0.9] before the onset; from the
 *   onset format is ≈ 1 (in [0.96, 1]) while the success probability falls to 55%, so the mean reward rises as
 *   correctness falls. In this run every reward is > 0: success is `reward > 0.5` (exactly correctness), not `> 0`.
 *
 * Before its onset a pathological run's records equal the clean run's of the same seed (bar `training_id`), except the
 * `reward_component` run's format and reward, which follow its own formula from the first epoch.
 */
import { Rng, clamp, mixSeed, round, sigmoid } from '../../scripts/demo-random';

export const HEALTH_DETECTORS = [
  'zero_variance',
  'truncation',
  'tool_errors',
  'repeated_calls',
  'format_errors',
  'reward_collapse',
  'degenerate_text',
  'reward_component',
] as const;
export type HealthDetectorId = (typeof HEALTH_DETECTORS)[number];
export type ScenarioKind = HealthDetectorId | 'clean';
/** Every kind `scenarioSuite` produces per seed, in its order. */
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['clean', ...HEALTH_DETECTORS];

export interface Injection {
  detector: HealthDetectorId;
  epoch: number;
  subject: string | null;
}

export interface ScenarioRun {
  trainingId: string;
  injection: Injection | null;
  records: Record<string, unknown>[];
}

export interface ScenarioOptions {
  /** Epochs 0…epochs−1 (default 10). */
  epochs?: number;
  /** Questions per epoch (default 32). */
  questions?: number;
  /** Samples per question: the GRPO group size (default 8). */
  samples?: number;
  /** First epoch of the pathology (default: drawn per seed and kind in [4, epochs − 3]). */
  onsetEpoch?: number;
}

export const TOOLS = ['search', 'lookup', 'calculator'] as const;
export type ScenarioTool = (typeof TOOLS)[number];

/** The response-token cap a truncated trajectory hits. */
export const RESPONSE_TOKEN_CAP = 2048;

export type TerminationReason = 'answered' | 'format_error' | 'max_tokens';

/** One step of a record, in the native `steps` format. */
export type ScenarioStep = {
  role?: 'system' | 'user';
  content?: string;
  thought?: string;
  action?: string;
  action_input?: Record<string, string>;
  observation?: string;
  tool_status?: 'success' | 'error';
  error?: string;
};

/** The shape of every record a scenario returns (`ScenarioRun.records` holds these). */
export type ScenarioRecord = {
  training_id: string;
  epoch_id: number;
  data_id: string;
  sample_id: number;
  question: string;
  reward: number;
  termination_reason: TerminationReason;
  steps: ScenarioStep[];
  reward_components: { correctness: number; format: number };
  metrics: { response_tokens: number; truncated: 0 | 1 };
};

/** The clean run's base rates, before the per-seed variation of ±20%. */
export const BASE_RATES = {
  toolFailure: 0.05,
  repeatedCall: 0.06,
  formatError: 0.02,
  maxTokens: 0.03,
  emptyAnswer: 0.01,
} as const;

/** The figures of each pathology from its onset. */
export const PATHOLOGY = {
  zeroVarianceGroupShare: 0.7,
  truncationShare: 0.3,
  toolFailure: 0.5,
  dominantErrorShare: 0.9,
  loopShare: 0.2,
  loopMin: 6,
  loopMax: 10,
  loopSuccessFactor: 0.5,
  formatErrorShare: 0.25,
  collapseFactor: 0.4,
  degenerateShare: 0.3,
  hackSuccessFactor: 0.55,
} as const;

const DEFAULTS = { epochs: 10, questions: 32, samples: 8 } as const;

/** Learning: the logit of success rises this much per epoch. */
const LEARNING_PER_EPOCH = 0.25;
const GROUP_NOISE_SD = 0.35;

// Salts of the independent random streams (one generator per question, group and trajectory).
const SALT_RATES = 0x5a7e5;
const SALT_QUESTION = 0x9e57;
const SALT_GROUP = 0x6a0;
const SALT_TRAJECTORY = 0x7a1;
const SALT_INJECTION = 0x1e1;
const SALT_ONSET = 0x0e5;

interface Rates {
  toolFailure: number;
  repeatedCall: number;
  formatError: number;
  maxTokens: number;
  emptyAnswer: number;
  abilityMean: number;
}

interface Question {
  dataId: string;
  text: string;
  ability: number;
  entity: string;
  other: string;
  metric: string;
}

interface Run {
  kind: ScenarioKind;
  trainingId: string;
  seed: number;
  onset: number;
  rates: Rates;
  subject: ScenarioTool | null;
}

interface Call {
  tool: ScenarioTool;
  input: Record<string, string>;
  thought: string | null;
  error: string | null;
  observation: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// The run

/** A clean run (injection null) or a run with one pathology injected from `onsetEpoch` on. */
export function scenarioRun(
  kind: HealthDetectorId | 'clean',
  seed: number,
  options: ScenarioOptions = {},
): ScenarioRun {
  if (!SCENARIO_KINDS.includes(kind)) throw new RangeError(`unknown scenario kind ${JSON.stringify(kind)}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const epochs = positiveInt('epochs', options.epochs ?? DEFAULTS.epochs);
  const questionCount = positiveInt('questions', options.questions ?? DEFAULTS.questions);
  const samples = positiveInt('samples', options.samples ?? DEFAULTS.samples);
  const onset = options.onsetEpoch ?? defaultOnset(kind, seed, epochs);
  if (!Number.isInteger(onset) || onset < 0 || onset >= epochs)
    throw new RangeError(`onsetEpoch must be an integer in [0, ${epochs - 1}], got ${onset}`);

  const trainingId = `health-${kind}-s${seed}`;
  const subject = kind === 'tool_errors' ? new Rng(mixSeed(seed, SALT_ONSET, 1)).pick(TOOLS) : null;
  const run: Run = { kind, trainingId, seed, onset, rates: seedRates(seed), subject };
  const questions = Array.from({ length: questionCount }, (_, q) =>
    makeQuestion(seed, q, run.rates.abilityMean),
  );

  const records: ScenarioRecord[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const [q, question] of questions.entries()) {
      const group = new Rng(mixSeed(seed, SALT_GROUP, epoch, q));
      const p = sigmoid(question.ability + LEARNING_PER_EPOCH * epoch + GROUP_NOISE_SD * group.normal());
      const graderBroken =
        active(run, 'zero_variance', epoch) && group.chance(PATHOLOGY.zeroVarianceGroupShare);
      for (let sample = 0; sample < samples; sample++)
        records.push(trajectory(run, question, epoch, sample, p, graderBroken));
    }
  }

  const injection: Injection | null =
    kind === 'clean'
      ? null
      : { detector: kind, epoch: onset, subject: kind === 'reward_component' ? 'format' : subject };
  return { trainingId, injection, records };
}

/** Every kind (clean and the 8 pathologies) for each seed, seed by seed in `SCENARIO_KINDS` order. */
export function scenarioSuite(seeds: number[], options?: ScenarioOptions): ScenarioRun[] {
  return seeds.flatMap((seed) => SCENARIO_KINDS.map((kind) => scenarioRun(kind, seed, options)));
}

function positiveInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Drawn per seed and kind in [4, epochs − 3], narrowed to the epochs there are. */
function defaultOnset(kind: ScenarioKind, seed: number, epochs: number): number {
  const high = Math.max(1, epochs - 3);
  const low = Math.min(4, high);
  return new Rng(mixSeed(seed, SALT_ONSET, SCENARIO_KINDS.indexOf(kind) + 2)).int(low, high);
}

function seedRates(seed: number): Rates {
  const rng = new Rng(mixSeed(seed, SALT_RATES));
  const vary = (rate: number) => rate * rng.float(0.8, 1.2);
  return {
    toolFailure: vary(BASE_RATES.toolFailure),
    repeatedCall: vary(BASE_RATES.repeatedCall),
    formatError: vary(BASE_RATES.formatError),
    maxTokens: vary(BASE_RATES.maxTokens),
    emptyAnswer: vary(BASE_RATES.emptyAnswer),
    abilityMean: rng.float(0.2, 0.6),
  };
}

function active(run: Run, kind: HealthDetectorId, epoch: number): boolean {
  return run.kind === kind && epoch >= run.onset;
}

// ---------------------------------------------------------------------------------------------------------------------
// One trajectory

function trajectory(
  run: Run,
  question: Question,
  epoch: number,
  sample: number,
  groupP: number,
  graderBroken: boolean,
): ScenarioRecord {
  const rng = new Rng(mixSeed(run.seed, SALT_TRAJECTORY, epoch, Number(question.dataId.slice(2)), sample));
  const inj = new Rng(mixSeed(run.seed, SALT_INJECTION, epoch, Number(question.dataId.slice(2)), sample));
  const { rates } = run;

  // How it ends.
  const maxTokens = active(run, 'truncation', epoch) ? PATHOLOGY.truncationShare : rates.maxTokens;
  const formatError = active(run, 'format_errors', epoch) ? PATHOLOGY.formatErrorShare : rates.formatError;
  const end = rng.next();
  const termination: TerminationReason =
    end < maxTokens ? 'max_tokens' : end < maxTokens + formatError ? 'format_error' : 'answered';

  // The tool calls.
  const callCount = 1 + rng.weightedIndex([25, 35, 25, 15]);
  const calls: Call[] = [];
  for (let i = 0; i < callCount; i++) {
    let call = makeCall(run, rng, question, epoch, i === 0);
    // Two different calls in a row: a repeat is drawn below, never by chance.
    if (calls.length > 0 && sameCall(calls[calls.length - 1], call))
      call = makeCall(run, rng, question, epoch, false);
    if (calls.length > 0 && sameCall(calls[calls.length - 1], call))
      call.input = { ...call.input, page: '2' };
    calls.push(call);
  }
  if (rng.chance(rates.repeatedCall)) {
    const at = rng.int(0, calls.length - 1);
    const extra = rng.chance(1 / 6) ? 2 : 1;
    for (let k = 0; k < extra; k++) {
      const retry = outcome(run, rng, calls[at].tool, calls[at].input, question, epoch);
      calls.splice(at + 1, 0, { ...retry, thought: 'Try the same call again.' });
    }
  }
  let loopCalls = 0;
  if (active(run, 'repeated_calls', epoch) && inj.chance(PATHOLOGY.loopShare)) {
    const at = inj.int(0, calls.length - 1);
    const times = inj.int(PATHOLOGY.loopMin, PATHOLOGY.loopMax);
    const copies = Array.from({ length: times - 1 }, () => ({
      ...calls[at],
      thought: inj.pick(LOOP_THOUGHTS),
    }));
    calls.splice(at + 1, 0, ...copies);
    loopCalls = times - 1;
  }

  // Whether it is right.
  let p = groupP;
  if (active(run, 'reward_collapse', epoch)) p *= PATHOLOGY.collapseFactor;
  if (active(run, 'reward_component', epoch)) p *= PATHOLOGY.hackSuccessFactor;
  if (loopCalls > 0) p *= PATHOLOGY.loopSuccessFactor;
  let correct = rng.next() < p && termination === 'answered';

  // The final answer.
  let answer: string | null = null;
  let extraTokens = 0;
  if (termination === 'format_error') answer = garbledAnswer(rng, question);
  else if (termination === 'answered') {
    answer = answerText(rng, question);
    if (rng.chance(rates.emptyAnswer)) answer = '';
    if (active(run, 'degenerate_text', epoch) && inj.chance(PATHOLOGY.degenerateShare)) {
      if (inj.chance(1 / 3)) answer = '';
      else {
        const phrase = inj.pick(DEGENERATE_PHRASES);
        const times = inj.int(12, 40);
        answer = `${inj.pick(ANSWER_OPENERS)} ${Array.from({ length: times }, () => phrase).join(' ')}`;
        extraTokens = times * 4;
      }
    }
    if (answer === '') correct = false;
  }
  if (graderBroken) correct = false;

  // Scores.
  const hacking = run.kind === 'reward_component';
  let format: number;
  if (hacking)
    format =
      epoch >= run.onset
        ? clamp(0.985 + 0.01 * rng.normal(), 0.96, 1)
        : clamp(0.55 + 0.15 * rng.normal(), 0.2, 0.9);
  else format = termination === 'answered' ? clamp(0.9 + 0.05 * rng.normal(), 0.8, 1) : 0;
  format = round(format, 3);
  const correctness = correct ? 1 : 0;
  const reward = round(hacking ? 0.5 * correctness + 0.5 * format : correct ? 0.8 + 0.2 * format : 0, 4);

  const base = 600 * 1.02 ** epoch + 120 * rng.normal() + 25 * (calls.length - 2 - loopCalls);
  const responseTokens =
    termination === 'max_tokens'
      ? RESPONSE_TOKEN_CAP
      : Math.round(clamp(base + 35 * loopCalls + extraTokens, 120, RESPONSE_TOKEN_CAP - 100));

  const steps: ScenarioStep[] = [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: question.text },
  ];
  for (const call of calls) steps.push(callStep(call));
  if (answer !== null) steps.push({ action: 'final_answer', content: answer });

  return {
    training_id: run.trainingId,
    epoch_id: epoch,
    data_id: question.dataId,
    sample_id: sample,
    question: question.text,
    reward,
    termination_reason: termination,
    steps,
    reward_components: { correctness, format },
    metrics: { response_tokens: responseTokens, truncated: termination === 'max_tokens' ? 1 : 0 },
  };
}

function callStep(call: Call): ScenarioStep {
  const step: ScenarioStep = {};
  if (call.thought !== null) step.thought = call.thought;
  step.action = call.tool;
  step.action_input = call.input;
  if (call.error === null) {
    step.observation = call.observation;
    step.tool_status = 'success';
  } else {
    step.tool_status = 'error';
    step.error = call.error;
  }
  return step;
}

function sameCall(a: Call, b: Call): boolean {
  return a.tool === b.tool && JSON.stringify(a.input) === JSON.stringify(b.input);
}

// ---------------------------------------------------------------------------------------------------------------------
// Tools

const TOOL_WEIGHTS = [45, 35, 20];

function makeCall(run: Run, rng: Rng, question: Question, epoch: number, first: boolean): Call {
  const tool = TOOLS[rng.weightedIndex(TOOL_WEIGHTS)];
  const entity = rng.chance(0.7) ? question.entity : question.other;
  let input: Record<string, string>;
  if (tool === 'search') input = { query: `${entity} ${question.metric} ${rng.pick(QUALIFIERS)}` };
  else if (tool === 'lookup') input = { id: recordId(rng) };
  else input = { expression: `${rng.int(2, 9999)} ${rng.pick(OPERATORS)} ${rng.int(2, 999)}` };
  const thought = rng.chance(0.6) ? thoughtText(rng, tool, entity, question.metric, first) : null;
  return { ...outcome(run, rng, tool, input, question, epoch), thought };
}

/** A call's result: drawn afresh each time (a retried call may succeed). */
function outcome(
  run: Run,
  rng: Rng,
  tool: ScenarioTool,
  input: Record<string, string>,
  question: Question,
  epoch: number,
): Call {
  const degraded = active(run, 'tool_errors', epoch) && tool === run.subject;
  const failed = rng.chance(degraded ? PATHOLOGY.toolFailure : run.rates.toolFailure);
  let error: string | null = null;
  if (failed)
    error =
      degraded && rng.chance(PATHOLOGY.dominantErrorShare)
        ? dominantError(rng, tool)
        : baseError(rng, tool, input);
  return { tool, input, thought: null, error, observation: observationOf(rng, tool, input, question) };
}

function observationOf(
  rng: Rng,
  tool: ScenarioTool,
  input: Record<string, string>,
  question: Question,
): string {
  if (tool === 'search') {
    const hits = rng.int(1, 9);
    return `${hits} results. Top: "${question.entity}: ${question.metric} ${figure(rng)}" (source: ${rng.pick(SOURCES)})`;
  }
  if (tool === 'lookup') return JSON.stringify({ id: input.id, field: question.metric, value: figure(rng) });
  return String(rng.int(1, 9_999_999) / 100);
}

function baseError(rng: Rng, tool: ScenarioTool, input: Record<string, string>): string {
  switch (tool) {
    case 'search':
      return rng.pick([
        () => `timeout after ${rng.pick([10, 30, 60])} s`,
        () => `search backend returned HTTP ${rng.pick([500, 502, 503])}`,
        () => `rate limit exceeded, retry after ${rng.int(2, 30)} s`,
      ])();
    case 'lookup':
      return rng.pick([
        () => `record ${input.id} not found`,
        () => `record ${input.id} not found`,
        () => 'timeout after 30 s',
      ])();
    case 'calculator':
      return rng.pick([
        () => 'division by zero',
        () => `cannot parse expression at position ${rng.int(3, 20)}`,
      ])();
  }
}

/** The one message of a tool that breaks, with an id that varies (one fingerprint). */
function dominantError(rng: Rng, tool: ScenarioTool): string {
  const id = alnumId(rng);
  switch (tool) {
    case 'search':
      return `index shard ${id} unavailable`;
    case 'lookup':
      return `reservation ${id} not found`;
    case 'calculator':
      return `sandbox ${id} crashed: out of memory`;
  }
}

const ID_LETTERS = [...'GHJKLMNPQRSTVWXYZ'];
const ID_DIGITS = [...'23456789'];
const ID_CHARS = [...ID_LETTERS, ...ID_DIGITS];

/** Two letters, a dash and four digits: "QX-4411". */
function recordId(rng: Rng): string {
  return `${rng.pick(ID_LETTERS)}${rng.pick(ID_LETTERS)}-${rng.int(1000, 9999)}`;
}

/** Six characters, a letter and a digit first: "K7XQ2M" (a word mixing letters and digits: `<id>`). */
function alnumId(rng: Rng): string {
  let id = `${rng.pick(ID_LETTERS)}${rng.pick(ID_DIGITS)}`;
  for (let i = 0; i < 4; i++) id += rng.pick(ID_CHARS);
  return id;
}

function figure(rng: Rng): string {
  return `${rng.int(1, 9999)}${rng.chance(0.4) ? `.${rng.int(1, 99)}` : ''} ${rng.pick(UNITS)}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Text

const SYSTEM_PROMPT =
  'You are a research assistant. Use the tools search, lookup and calculator, then reply with final_answer.';

const ENTITIES = [
  'the Rhine',
  'Lake Baikal',
  'Mount Kilimanjaro',
  'the Danube',
  'Reykjavik',
  'Nairobi',
  'the Atacama desert',
  'Kyoto',
  'the Suez canal',
  'Tasmania',
  'the Hubble telescope',
  'Voyager 1',
  'the Eiffel tower',
  'Lagos',
  'Montevideo',
  'the Great Barrier Reef',
  'Ulaanbaatar',
  'the Panama canal',
  'Svalbard',
  'Quito',
  'the Gobi desert',
  'Lake Titicaca',
  'the Golden Gate bridge',
  'Madagascar',
];
const METRICS = [
  'length',
  'population',
  'area',
  'elevation',
  'annual rainfall',
  'average depth',
  'opening year',
  'construction budget',
  'visitor count',
  'mean temperature',
  'distance from the equator',
  'growth rate',
];
const QUESTION_TEMPLATES: readonly ((e: string, o: string, m: string, y: number) => string)[] = [
  (e, _o, m) => `What is the ${m} of ${e}?`,
  (e, o, m) => `How does the ${m} of ${e} compare with that of ${o}?`,
  (e, _o, m, y) => `By how much did the ${m} of ${e} change between ${y} and ${y + 10}?`,
  (e, o, m) => `What is the combined ${m} of ${e} and ${o}?`,
  (e, o, m) => `Which is larger: the ${m} of ${e} or the ${m} of ${o}?`,
  (e, _o, m, y) => `Estimate the ${m} of ${e} per decade since ${y}.`,
  (e, o, m) => `What is the ratio of the ${m} of ${e} to that of ${o}?`,
];
const QUALIFIERS = [
  'official figure',
  'latest',
  'history',
  'statistics',
  'encyclopedia',
  'census',
  'annual report',
  '2019',
  '2021',
  'survey',
  'measurement',
  'records',
  'comparison',
  'estimate',
  'sources',
  'dataset',
];
const OPERATORS = ['+', '-', '*', '/'];
const SOURCES = ['atlas.example.org', 'stats.example.net', 'wiki.example.com', 'gov.example.int'];
const UNITS = ['km', 'm', 'people', 'km²', 'mm', 'visitors', '°C', 'USD million'];

function makeQuestion(seed: number, q: number, abilityMean: number): Question {
  const rng = new Rng(mixSeed(seed, SALT_QUESTION, q));
  const entity = rng.pick(ENTITIES);
  let other = rng.pick(ENTITIES);
  if (other === entity) other = ENTITIES[(ENTITIES.indexOf(entity) + 1) % ENTITIES.length];
  const metric = rng.pick(METRICS);
  const text = rng.pick(QUESTION_TEMPLATES)(entity, other, metric, rng.int(1950, 2010));
  const ability = abilityMean + 1.9 * rng.normal();
  return { dataId: `q-${q}`, text, ability, entity, other, metric };
}

const THOUGHT_OPENERS_FIRST = ['Let me', 'I will', 'First I should', 'To answer this I need to'];
const THOUGHT_OPENERS_LATER = [
  'Now let me',
  'Next I will',
  'I should also',
  'To verify, I will',
  'Then I can',
];

function thoughtText(rng: Rng, tool: ScenarioTool, entity: string, metric: string, first: boolean): string {
  const opener = rng.pick(first ? THOUGHT_OPENERS_FIRST : THOUGHT_OPENERS_LATER);
  if (tool === 'search') return `${opener} search for the ${metric} of ${entity}.`;
  if (tool === 'lookup') return `${opener} look up the record for ${entity}.`;
  return `${opener} compute the figure from the numbers I have.`;
}

const LOOP_THOUGHTS = ['Let me search again.', 'I will try that once more.', 'Let me check this again.'];

const ANSWER_OPENERS = [
  'The answer is',
  'Based on the records,',
  'According to the search results,',
  'After checking the lookup,',
  'From what I found,',
  'In short,',
];

/** Clauses of an answer, each used at most once per answer (so clean answers do not repeat their 4-grams). */
const ANSWER_CLAUSES: readonly ((rng: Rng, q: Question) => string)[] = [
  (rng, q) => `the ${q.metric} of ${q.entity} is about ${figure(rng)}`,
  (rng, q) => `${q.other} comes to roughly ${figure(rng)} by comparison`,
  (rng) => `which I confirmed with a second source dated ${rng.int(1990, 2023)}`,
  (rng) => `the difference works out to ${rng.int(2, 98)} percent`,
  () => 'although older surveys disagree slightly',
  (rng) => `after rounding this gives ${rng.int(10, 9999)}`,
  (_rng, q) => `so ${q.entity} ranks ahead on this measure`,
  (rng) => `my calculation used ${rng.int(2, 12)} intermediate values`,
  (rng) => `the estimate carries an uncertainty near ${rng.int(1, 15)} percent`,
  () => 'which matches the figure quoted in most references',
  (rng) => `measured over the period ending ${rng.int(1995, 2023)}`,
  (_rng, q) => `none of the records for ${q.other} contradict it`,
  () => 'and the trend has been stable for a decade',
  (rng, q) => `the ${rng.pick(QUALIFIERS)} lists ${q.entity} separately`,
];

const DEGENERATE_PHRASES = [
  'the answer is',
  'I think the answer is',
  'let me check again',
  'so the result is',
];

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

/** 8–40 words of varied text: an opener and clauses in a random order, none twice. */
function answerText(rng: Rng, question: Question): string {
  const target = rng.int(8, 40);
  const opener = rng.pick(ANSWER_OPENERS);
  const clauses: string[] = [];
  let words = wordCount(opener);
  for (const index of rng.shuffle(ANSWER_CLAUSES.map((_, i) => i))) {
    const clause = ANSWER_CLAUSES[index](rng, question);
    const count = wordCount(clause);
    if (words + count > 40) continue;
    clauses.push(clause);
    words += count;
    if (words >= target) break;
  }
  return `${opener} ${clauses.join(', ')}.`;
}

/** An answer the grader cannot parse: unclosed tags or JSON, stray markup. */
function garbledAnswer(rng: Rng, question: Question): string {
  const value = figure(rng);
  return rng.pick([
    () => `<answer>The ${question.metric} of ${question.entity} is ${value}`,
    () => `</answer> ${value} <answer`,
    () => `{"answer": "${question.entity} ${value}`,
    () => `answer: ${value} ]]}> <|im_end|`,
    () => `<ans<answer>wer>${value}</ans`,
    () => `\`\`\`json\n{"final": ${value}`,
  ])();
}
