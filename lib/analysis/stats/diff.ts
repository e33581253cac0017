import { z } from 'zod';
import { AnalysisError } from '../errors';
import type { AnalysisQuery } from '../filters/query';
import { bootstrapMeanCI } from '../metrics/bootstrap';
import { mcnemarExactP } from '../metrics/mcnemar';
import { takeRows } from '../records/rows';
import { firstDifferenceIn } from '../records/transcript';
import { floats, ints, list, strings, type Scan } from '../scan/scan';
import type { Source } from '../source';
import { defineStat } from '../stat';
import { compareDataIds } from './question-cells';
import { count, epochId, interval, nullableNumber, rate } from './response-parts';

/**
 * Why did it change: two sides (one run at two epochs, two runs at one epoch, or run 1 at epoch A against run 2 at
 * epoch B) compared question by question. On the questions both sides have, a question is solved on a side when the
 * success rate of its samples there (reward > success_threshold) is ≥ solved_rate. The questions that flipped, a
 * paired test of the flips, the mean difference of the success rates with its interval, and what changed in the
 * trajectories of the flipped questions.
 */

export const DEFAULT_DIFF_LIMIT = 50;
/** The seed of the interval of the mean difference (the training comparison's paired seed). */
const PAIRED_SEED = 3;
const RESAMPLES = 1000;
/** Most error fingerprints listed per summary (the most changed first). */
export const MAX_LISTED_ERRORS = 20;

export const DIRECTIONS = ['newly_solved', 'regressed'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const sideSchema = z.object({ training_id: z.string(), epoch_id: epochId }).strict();
export type DiffSide = z.infer<typeof sideSchema>;

/** Figures of one side's trajectories of some questions. */
const sideFigures = z
  .object({
    trajectories: count,
    /** Success rate over these trajectories (reward > success_threshold). */
    success_rate: rate.nullable(),
    mean_tool_calls: nullableNumber,
    mean_steps: nullableNumber,
    /** Mean of the logged response tokens; null when none of these trajectories logged them. */
    mean_response_tokens: nullableNumber,
    /** Trajectories per termination reason. */
    termination: z.record(z.string(), count),
  })
  .strict();
export type SideFigures = z.infer<typeof sideFigures>;

const toolChange = z
  .object({
    tool: z.string(),
    calls_a: count,
    calls_b: count,
    /** Calls per trajectory of the side; null when the side has no trajectory. */
    per_trajectory_a: nullableNumber,
    per_trajectory_b: nullableNumber,
  })
  .strict();
export type ToolChange = z.infer<typeof toolChange>;

const errorChange = z.object({ fingerprint: z.string(), count_a: count, count_b: count }).strict();
export type ErrorChange = z.infer<typeof errorChange>;

/** What changed from side a to side b in some questions' trajectories. */
const changeFields = {
  a: sideFigures,
  b: sideFigures,
  /** Every tool called on either side, most changed (|calls_b − calls_a|) first. */
  tools: z.array(toolChange),
  /** Tools called on side b only / on side a only. */
  tools_added: z.array(z.string()),
  tools_dropped: z.array(z.string()),
  /** Error fingerprints of failed tool calls, most changed first (at most MAX_LISTED_ERRORS). */
  errors: z.array(errorChange),
  /** Distinct fingerprints on either side (errors lists the first MAX_LISTED_ERRORS). */
  errors_distinct: count,
  /** Fingerprints seen on side b only / on side a only (at most MAX_LISTED_ERRORS each). */
  errors_appeared: z.array(z.string()),
  errors_vanished: z.array(z.string()),
};

const directionChanges = z.object({ questions: count, ...changeFields }).strict();
export type DirectionChanges = z.infer<typeof directionChanges>;

const flippedQuestion = z
  .object({
    data_id: z.string(),
    direction: z.enum(DIRECTIONS),
    rate_a: rate,
    rate_b: rate,
    ...changeFields,
    /**
     * A trajectory that succeeded on the side where the question is solved and one that failed on the other (the
     * lowest sample id of each), and the first step (1-based) where their steps differ; null when they agree.
     */
    pair: z
      .object({
        solved: z.string(),
        failed: z.string(),
        first_divergent_step: z.number().int().positive().nullable(),
      })
      .strict(),
  })
  .strict();
export type FlippedQuestion = z.infer<typeof flippedQuestion>;

export const diffResponse = z
  .object({
    a: sideSchema,
    b: sideSchema,
    success_threshold: z.number(),
    solved_rate: rate,
    questions: z
      .object({
        /** Unsolved on a, solved on b / solved on a, unsolved on b (natural data_id order). */
        newly_solved: z.array(z.string()),
        regressed: z.array(z.string()),
        both: count,
        neither: count,
        /** Questions both sides have (the others are left out of every figure). */
        shared: count,
        only_a: count,
        only_b: count,
      })
      .strict(),
    /** Mean success rate of the shared questions on each side. */
    mean_rate_a: nullableNumber,
    mean_rate_b: nullableNumber,
    /** McNemar's exact two-sided test on the flips (newly solved against regressed); 1 when none flipped. */
    mcnemar_p: z.number().min(0).max(1),
    /** Mean over shared questions of rate_b − rate_a. */
    delta_success_rate: nullableNumber,
    /** 95% paired bootstrap interval of delta_success_rate, questions resampled (seeded). */
    delta_ci: interval,
    changes: z
      .object({
        newly_solved: directionChanges,
        regressed: directionChanges,
        /** Flipped questions, largest |rate_b − rate_a| first; the page below. */
        total: count,
        limit: z.number().int().positive(),
        offset: count,
        flipped: z.array(flippedQuestion),
      })
      .strict(),
  })
  .strict();
export type Diff = z.infer<typeof diffResponse>;

export const DIFF_COLUMNS = [
  'training_id',
  'epoch_id',
  'data_id',
  'sample_id',
  'reward',
  'termination_reason',
  'step_count',
  'tool_call_count',
  'tool_call_names',
  'error_fingerprints',
  'response_tokens',
] as const;

type SidesQuery = Pick<AnalysisQuery, 'training_id' | 'training_ids' | 'epoch_id' | 'epoch_a' | 'epoch_b'>;

/**
 * The two sides a query names, or a 400 naming the parameter that is missing or does not fit: one `training_id` with
 * `epoch_a` and `epoch_b`; or `training_ids` of two runs with `epoch_id` (both at it) or with `epoch_a` and `epoch_b`.
 */
export function diffSides(query: SidesQuery): [DiffSide, DiffSide] {
  const ids = [...new Set(query.training_ids ?? [])];
  const hasA = query.epoch_a !== undefined;
  const hasB = query.epoch_b !== undefined;
  const epochPair = (): [number, number] => {
    if (!hasA) throw new AnalysisError('epoch_a: give the epoch of side a (with epoch_b)', 'epoch_a');
    if (!hasB) throw new AnalysisError('epoch_b: give the epoch of side b (with epoch_a)', 'epoch_b');
    if (query.epoch_id !== undefined)
      throw new AnalysisError('epoch_id: give epoch_id or epoch_a/epoch_b, not both', 'epoch_id');
    return [query.epoch_a!, query.epoch_b!];
  };
  if (query.training_ids?.length) {
    if (ids.length !== 2)
      throw new AnalysisError('training_ids: give exactly two trainings, comma-separated', 'training_ids');
    if (query.training_id?.length)
      throw new AnalysisError('training_id: use training_ids to name the two runs', 'training_id');
    if (!hasA && !hasB) {
      if (query.epoch_id === undefined)
        throw new AnalysisError(
          'epoch_id: give the epoch both runs are compared at, or epoch_a and epoch_b',
          'epoch_id',
        );
      return [
        { training_id: ids[0], epoch_id: query.epoch_id },
        { training_id: ids[1], epoch_id: query.epoch_id },
      ];
    }
    const [a, b] = epochPair();
    return [
      { training_id: ids[0], epoch_id: a },
      { training_id: ids[1], epoch_id: b },
    ];
  }
  const runs = query.training_id ?? [];
  if (runs.length === 0)
    throw new AnalysisError(
      'training_id: give one training (with epoch_a and epoch_b) or training_ids (two runs)',
      'training_id',
    );
  if (runs.length !== 1)
    throw new AnalysisError('training_id: give exactly one training, or two as training_ids', 'training_id');
  const [a, b] = epochPair();
  if (a === b)
    throw new AnalysisError('epoch_b: the two sides are the same epoch of the same run', 'epoch_b');
  return [
    { training_id: runs[0], epoch_id: a },
    { training_id: runs[0], epoch_id: b },
  ];
}

/** The rows of one side of one question. */
interface QuestionRows {
  a: number[];
  b: number[];
}

/** What one side's trajectories of some questions hold, tallied by code. */
interface Tally {
  rows: number;
  successes: number;
  toolCalls: number;
  steps: number;
  tokens: number;
  tokenRows: number;
  termination: Map<number, number>;
  tools: Map<number, number>;
  errors: Map<number, number>;
}

function emptyTally(): Tally {
  return {
    rows: 0,
    successes: 0,
    toolCalls: 0,
    steps: 0,
    tokens: 0,
    tokenRows: 0,
    termination: new Map(),
    tools: new Map(),
    errors: new Map(),
  };
}

const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);

/** Reads the columns of the diff once per compute. */
function columnsOf(scan: Scan) {
  return {
    reward: floats(scan, 'reward'),
    sample: ints(scan, 'sample_id'),
    termination: strings(scan, 'termination_reason'),
    steps: ints(scan, 'step_count'),
    toolCalls: ints(scan, 'tool_call_count'),
    tokens: floats(scan, 'response_tokens'),
    tools: list(scan, 'tool_call_names'),
    errors: list(scan, 'error_fingerprints'),
  };
}
type Columns = ReturnType<typeof columnsOf>;

function addRows(tally: Tally, rows: readonly number[], cols: Columns, threshold: number): void {
  for (const i of rows) {
    tally.rows++;
    tally.successes += +(cols.reward[i] > threshold);
    tally.toolCalls += cols.toolCalls[i];
    tally.steps += cols.steps[i];
    const tokens = cols.tokens[i];
    if (!Number.isNaN(tokens)) {
      tally.tokens += tokens;
      tally.tokenRows++;
    }
    bump(tally.termination, cols.termination.codes[i]);
    for (let k = cols.tools.offsets[i]; k < cols.tools.offsets[i + 1]; k++)
      bump(tally.tools, cols.tools.codes[k]);
    for (let k = cols.errors.offsets[i]; k < cols.errors.offsets[i + 1]; k++)
      bump(tally.errors, cols.errors.codes[k]);
  }
}

function figuresOf(tally: Tally, cols: Columns): SideFigures {
  const per = (value: number) => (tally.rows > 0 ? value / tally.rows : null);
  const termination: Record<string, number> = {};
  for (const [code, n] of [...tally.termination].sort(
    (x, y) => y[1] - x[1] || compareText(cols.termination.values[x[0]], cols.termination.values[y[0]]),
  ))
    termination[cols.termination.values[code] ?? ''] = n;
  return {
    trajectories: tally.rows,
    success_rate: per(tally.successes),
    mean_tool_calls: per(tally.toolCalls),
    mean_steps: per(tally.steps),
    mean_response_tokens: tally.tokenRows > 0 ? tally.tokens / tally.tokenRows : null,
    termination,
  };
}

const compareText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Side a against side b: figures, tools and error fingerprints, the most changed first. */
function changeOf(a: Tally, b: Tally, cols: Columns) {
  const toolCodes = [...new Set([...a.tools.keys(), ...b.tools.keys()])];
  const tools = toolCodes
    .map((code): ToolChange => {
      const callsA = a.tools.get(code) ?? 0;
      const callsB = b.tools.get(code) ?? 0;
      return {
        tool: cols.tools.values[code],
        calls_a: callsA,
        calls_b: callsB,
        per_trajectory_a: a.rows > 0 ? callsA / a.rows : null,
        per_trajectory_b: b.rows > 0 ? callsB / b.rows : null,
      };
    })
    .sort(
      (x, y) =>
        Math.abs(y.calls_b - y.calls_a) - Math.abs(x.calls_b - x.calls_a) || compareText(x.tool, y.tool),
    );
  const errorCodes = [...new Set([...a.errors.keys(), ...b.errors.keys()])];
  const errors = errorCodes
    .map((code): ErrorChange => ({
      fingerprint: cols.errors.values[code],
      count_a: a.errors.get(code) ?? 0,
      count_b: b.errors.get(code) ?? 0,
    }))
    .sort(
      (x, y) =>
        Math.abs(y.count_b - y.count_a) - Math.abs(x.count_b - x.count_a) ||
        y.count_a + y.count_b - (x.count_a + x.count_b) ||
        compareText(x.fingerprint, y.fingerprint),
    );
  return {
    a: figuresOf(a, cols),
    b: figuresOf(b, cols),
    tools,
    tools_added: tools.filter((t) => t.calls_a === 0).map((t) => t.tool),
    tools_dropped: tools.filter((t) => t.calls_b === 0).map((t) => t.tool),
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    errors_distinct: errors.length,
    errors_appeared: errors
      .filter((e) => e.count_a === 0)
      .slice(0, MAX_LISTED_ERRORS)
      .map((e) => e.fingerprint),
    errors_vanished: errors
      .filter((e) => e.count_b === 0)
      .slice(0, MAX_LISTED_ERRORS)
      .map((e) => e.fingerprint),
  };
}

/** The row of `rows` with the lowest sample id whose success is `success` (ties: the first row). */
function pick(rows: readonly number[], cols: Columns, threshold: number, success: boolean): number {
  let best = -1;
  for (const i of rows)
    if (cols.reward[i] > threshold === success && (best < 0 || cols.sample[i] < cols.sample[best])) best = i;
  return best;
}

interface Flip {
  code: number;
  dataId: string;
  direction: Direction;
  rateA: number;
  rateB: number;
}

type DiffQuery = SidesQuery & Pick<AnalysisQuery, 'success_threshold' | 'solved_rate' | 'limit' | 'offset'>;

/** Reads the trajectory ids and steps of the page's pairs (the expensive part: steps_json of these rows only). */
async function pairsOf(
  scan: Scan,
  pairs: { a: number; b: number }[],
  source: Source | null,
): Promise<{ a: string; b: string; step: number | null }[]> {
  if (pairs.length === 0) return [];
  const rowIds = scan.rowIds;
  if (!rowIds || !source?.table) throw new Error('diff: the selection holds no row ids');
  const wanted = [...new Set(pairs.flatMap(({ a, b }) => [rowIds[a], rowIds[b]]))];
  const fetched = await takeRows(source.table, wanted, ['trajectory_id', 'steps_json']);
  const byRowId = new Map(fetched.map((row) => [BigInt(row._rowid as bigint | number), row]));
  return pairs.map(({ a, b }) => {
    const rowA = byRowId.get(rowIds[a]);
    const rowB = byRowId.get(rowIds[b]);
    if (!rowA || !rowB) throw new Error('diff: a trajectory of the selection could not be read');
    const difference = firstDifferenceIn(rowA.steps_json, rowB.steps_json);
    return {
      a: String(rowA.trajectory_id),
      b: String(rowB.trajectory_id),
      step: difference === null ? null : difference.index + 1,
    };
  });
}

/** The diff of the two sides over the selected rows; `source` reads the steps of the page's pairs. */
export async function computeDiff(
  scan: Scan,
  rows: Int32Array,
  query: DiffQuery,
  source: Source | null,
): Promise<Diff> {
  const [sideA, sideB] = query.training_ids?.length
    ? diffSides({ ...query, training_id: undefined })
    : diffSides(query);
  const threshold = query.success_threshold;
  const solvedRate = query.solved_rate;
  const training = strings(scan, 'training_id');
  const epoch = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const cols = columnsOf(scan);
  const codeA = training.values.indexOf(sideA.training_id);
  const codeB = training.values.indexOf(sideB.training_id);

  // Per side and data_id code: samples and successes; every row of a side in `sideRows`.
  const size = data.values.length;
  const n = [new Int32Array(size), new Int32Array(size)];
  const c = [new Int32Array(size), new Int32Array(size)];
  const sideOf = new Int8Array(rows.length).fill(-1);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const t = training.codes[i];
    const side =
      t === codeA && epoch[i] === sideA.epoch_id ? 0 : t === codeB && epoch[i] === sideB.epoch_id ? 1 : -1;
    if (side < 0) continue;
    sideOf[j] = side;
    const q = data.codes[i];
    n[side][q]++;
    c[side][q] += +(cols.reward[i] > threshold);
  }

  const shared: number[] = [];
  let onlyA = 0;
  let onlyB = 0;
  for (let q = 0; q < size; q++) {
    if (n[0][q] > 0 && n[1][q] > 0) shared.push(q);
    else if (n[0][q] > 0) onlyA++;
    else if (n[1][q] > 0) onlyB++;
  }
  shared.sort((x, y) => compareDataIds(data.values[x], data.values[y]));

  const deltas = new Float64Array(shared.length);
  const flips: Flip[] = [];
  let both = 0;
  let neither = 0;
  let sumA = 0;
  let sumB = 0;
  shared.forEach((q, at) => {
    const rateA = c[0][q] / n[0][q];
    const rateB = c[1][q] / n[1][q];
    sumA += rateA;
    sumB += rateB;
    deltas[at] = rateB - rateA;
    const solvedA = rateA >= solvedRate;
    const solvedB = rateB >= solvedRate;
    if (solvedA && solvedB) both++;
    else if (!solvedA && !solvedB) neither++;
    else
      flips.push({
        code: q,
        dataId: data.values[q],
        direction: solvedB ? 'newly_solved' : 'regressed',
        rateA,
        rateB,
      });
  });
  const newly = flips.filter((f) => f.direction === 'newly_solved');
  const regressed = flips.filter((f) => f.direction === 'regressed');
  const ci = bootstrapMeanCI(deltas, { resamples: RESAMPLES, seed: PAIRED_SEED });

  // The rows of each flipped question on each side, in one more pass.
  const flipRows = new Map<number, QuestionRows>(flips.map((f) => [f.code, { a: [], b: [] }]));
  if (flips.length > 0)
    for (let j = 0; j < rows.length; j++) {
      if (sideOf[j] < 0) continue;
      const i = rows[j];
      const at = flipRows.get(data.codes[i]);
      if (at) (sideOf[j] === 0 ? at.a : at.b).push(i);
    }
  const tallyOf = (flipped: readonly Flip[], side: 'a' | 'b') => {
    const tally = emptyTally();
    for (const f of flipped) addRows(tally, flipRows.get(f.code)![side], cols, threshold);
    return tally;
  };
  const summaryOf = (flipped: readonly Flip[]): DirectionChanges => ({
    questions: flipped.length,
    ...changeOf(tallyOf(flipped, 'a'), tallyOf(flipped, 'b'), cols),
  });

  const ordered = [...flips].sort(
    (x, y) => Math.abs(y.rateB - y.rateA) - Math.abs(x.rateB - x.rateA) || compareDataIds(x.dataId, y.dataId),
  );
  const limit = query.limit ?? DEFAULT_DIFF_LIMIT;
  const offset = query.offset ?? 0;
  const page = ordered.slice(offset, offset + limit);
  const pairRows = page.map((f) => {
    const at = flipRows.get(f.code)!;
    // Side b holds the success of a newly solved question, side a the success of a regressed one.
    const aSucceeds = f.direction === 'regressed';
    return { a: pick(at.a, cols, threshold, aSucceeds), b: pick(at.b, cols, threshold, !aSucceeds) };
  });
  const pairs = await pairsOf(scan, pairRows, source);
  const flipped = page.map((f, at): FlippedQuestion => {
    const rowsOf = flipRows.get(f.code)!;
    const a = emptyTally();
    const b = emptyTally();
    addRows(a, rowsOf.a, cols, threshold);
    addRows(b, rowsOf.b, cols, threshold);
    const pair = pairs[at];
    const newlySolved = f.direction === 'newly_solved';
    return {
      data_id: f.dataId,
      direction: f.direction,
      rate_a: f.rateA,
      rate_b: f.rateB,
      ...changeOf(a, b, cols),
      pair: {
        solved: newlySolved ? pair.b : pair.a,
        failed: newlySolved ? pair.a : pair.b,
        first_divergent_step: pair.step,
      },
    };
  });

  return {
    a: sideA,
    b: sideB,
    success_threshold: threshold,
    solved_rate: solvedRate,
    questions: {
      newly_solved: newly.map((f) => f.dataId),
      regressed: regressed.map((f) => f.dataId),
      both,
      neither,
      shared: shared.length,
      only_a: onlyA,
      only_b: onlyB,
    },
    mean_rate_a: shared.length > 0 ? sumA / shared.length : null,
    mean_rate_b: shared.length > 0 ? sumB / shared.length : null,
    mcnemar_p: mcnemarExactP(newly.length, regressed.length),
    delta_success_rate: ci ? ci.mean : null,
    delta_ci: ci ? { low: ci.low, high: ci.high } : null,
    changes: {
      newly_solved: summaryOf(newly),
      regressed: summaryOf(regressed),
      total: ordered.length,
      limit,
      offset,
      flipped,
    },
  };
}

/** Two sides (runs × epochs) question by question: what flipped, whether it is noise, and what changed. */
export const diff = defineStat({
  name: 'diff',
  doc: {
    params:
      '`training_id` + `epoch_a` + `epoch_b` (one run, two epochs), `training_ids=r1,r2` + `epoch_id` (two runs, one epoch) or + `epoch_a` + `epoch_b` (r1 at a, r2 at b); `solved_rate` (default 0.5), `limit` (default 50), `offset`',
    answers:
      'the questions newly solved and regressed from side a to side b, McNemar p, the mean difference of success rates with its paired interval, and what changed in the flipped questions (tools, steps, errors, terminations; a paged list with one succeeded/failed pair each)',
  },
  response: diffResponse,
  columns: DIFF_COLUMNS,
  params: [
    'training_id',
    'training_ids',
    'epoch_id',
    'epoch_a',
    'epoch_b',
    'success_threshold',
    'solved_rate',
    'limit',
    'offset',
  ],
  withRowIds: true,
  trainingsParam: (query) => (query.training_ids?.length ? 'training_ids' : 'training_id'),
  // The two runs are the selection: the other filters still narrow both sides.
  prepare: (query) => {
    const [a, b] = diffSides(query);
    return { ...query, training_id: [...new Set([a.training_id, b.training_id])] };
  },
  compute: ({ scan, rows }, query, { source }) => computeDiff(scan, rows, query, source),
});
