import { z } from 'zod';
import { SIGNATURE_OF, type SignatureOf } from '../../params/table';
import { errorMessage, finalAnswer, isToolCall } from '../../ingest/derive';
import { parseSteps, takeRows } from '../records/rows';
import { floats, INT_NULL, ints, list, strings, type Scan, type ScanColumn } from '../scan/scan';
import { defineStat, selectRows, type Selection, type StatContext } from '../stat';
import { count, epochId, rate } from './response-parts';

/** Signatures an answer lists when `limit` is not given (`signature_count` says how many there are in all). */
export const DEFAULT_SIGNATURE_LIMIT = 50;
/** Trajectory ids each signature lists in `examples`. */
export const SIGNATURE_EXAMPLES = 5;
/** Longest `example` message (longer ones are cut, ending in `…`). */
export const EXAMPLE_MAX_CHARS = 300;
/** How much the rate per trajectory must change (either way) to be `growing` or `shrinking`. */
export const TREND_FACTOR = 1.5;
/** |z| of the two-rate test beyond which a change is more than noise (two-sided 5 %). */
export const TREND_Z = 1.96;

export const SIGNATURE_TRENDS = ['new', 'growing', 'shrinking', 'gone', 'steady'] as const;
export type SignatureTrend = (typeof SIGNATURE_TRENDS)[number];

const signatureEntry = z
  .object({
    /** The fingerprint of the message (lib/ingest/error-fingerprint.ts): what `signature=` filters on. */
    signature: z.string(),
    /** One real message with this signature, as the trajectory holds it (cut to 300 characters); null if unread. */
    example: z.string().nullable(),
    /** Failed calls (or failed trajectories' answers) with this signature. */
    count: count,
    /** `count` over `total`. */
    share: rate,
    /** Trajectories holding it. */
    trajectory_count: count,
    /** Per epoch where it occurs (others: 0), its count. */
    by_epoch: z.record(z.string().regex(/^-?\d+$/), count),
    first_epoch: epochId,
    last_epoch: epochId,
    trend: z.enum(SIGNATURE_TRENDS),
    /** The tools whose failed calls gave it, with their counts ({} for final answers). */
    tools: z.record(z.string(), count),
    /** Up to 5 trajectories holding it, from its latest epoch back. */
    examples: z.array(z.string()),
  })
  .strict();
export type SignatureEntry = z.infer<typeof signatureEntry>;

export const failureSignaturesResponse = z
  .object({
    signature_of: z.enum(SIGNATURE_OF),
    /** Failed tool calls of the selection (the sum of `tool_error_count`). */
    total_tool_errors: count,
    /** What the signatures count, every item in exactly one: the failed calls, or the failed trajectories. */
    total: count,
    /** Distinct signatures in all (the list holds the `limit` most common). */
    signature_count: count,
    /** Every epoch of the selection with its trajectories: the denominators of the rates per trajectory. */
    epochs: z.array(z.object({ epoch_id: epochId, trajectory_count: count }).strict()),
    signatures: z.array(signatureEntry),
  })
  .strict();
export type FailureSignatures = z.infer<typeof failureSignaturesResponse>;

/**
 * The trend of a signature over the selection's epochs (ascending; `counts` and `trajectories` aligned with them), on
 * its rate per trajectory (epochs differ in size). With m epochs, the first third is the first ⌈m/3⌉ epochs and the
 * last third the last ⌈m/3⌉:
 * - `gone`: absent from every epoch of the last third;
 * - `new`: absent from every epoch of the first half (its first epoch is at index ⌈m/2⌉ or later);
 * - `growing` / `shrinking`: the rate of the last third is above / below that of the first third by more than a
 *   factor of 1.5 and beyond noise (the score test of two Poisson rates, |z| ≥ 1.96);
 * - `steady` otherwise, and always with fewer than two epochs.
 */
export function signatureTrend(counts: readonly number[], trajectories: readonly number[]): SignatureTrend {
  const m = counts.length;
  if (m < 2) return 'steady';
  const third = Math.ceil(m / 3);
  const sum = (values: readonly number[], from: number, to: number) =>
    values.slice(from, to).reduce((total, value) => total + value, 0);
  const late = sum(counts, m - third, m);
  if (late === 0) return 'gone';
  const first = counts.findIndex((value) => value > 0);
  if (first >= Math.ceil(m / 2)) return 'new';
  const early = sum(counts, 0, third);
  const earlyN = sum(trajectories, 0, third);
  const lateN = sum(trajectories, m - third, m);
  if (earlyN === 0 || lateN === 0) return 'steady';
  const earlyRate = early / earlyN;
  const lateRate = late / lateN;
  const pooled = (early + late) / (earlyN + lateN);
  const z = (lateRate - earlyRate) / Math.sqrt(pooled * (1 / earlyN + 1 / lateN));
  if (lateRate > TREND_FACTOR * earlyRate && z >= TREND_Z) return 'growing';
  if (lateRate * TREND_FACTOR < earlyRate && z <= -TREND_Z) return 'shrinking';
  return 'steady';
}

/** A message cut to `EXAMPLE_MAX_CHARS`, whitespace kept as it is (the card shows it as text). */
function clipped(message: string): string {
  const text = message.trim();
  return text.length > EXAMPLE_MAX_CHARS ? `${text.slice(0, EXAMPLE_MAX_CHARS - 1)}…` : text;
}

/** The message of the `nth` failed tool call (0-based) of a trajectory's steps, as derive counts them. */
export function nthFailedCallMessage(stepsJson: unknown, nth: number): string | null {
  let seen = 0;
  for (const step of parseSteps(stepsJson)) {
    if (!isToolCall(step) || step.tool_status !== 'error') continue;
    if (seen++ === nth) return errorMessage(step);
  }
  return null;
}

/** Per signature, the items of one selection: which signature each item has, its row, and (calls) its tool. */
interface Items {
  /** Signature text per code. */
  values: string[];
  /** Visits every item of every selected row: its signature code, and the tool code for a failed call (else -1). */
  forEach(visit: (row: number, code: number, tool: number, nth: number) => void): void;
  /** Tool names per tool code. */
  tools: string[];
}

/** Every failed tool call of the rows, each with the fingerprint derive stored for it (the k-th failed call: the k-th). */
function toolCallItems(scan: Scan, rows: Int32Array): Items {
  const prints = list(scan, 'error_fingerprints');
  const names = list(scan, 'tool_call_names');
  const failed = scan.toolCallFailed!;
  const errors = ints(scan, 'tool_error_count');
  // A row whose fingerprints fall short of its failed calls (a table still being upgraded) counts the rest as ''.
  let missing = prints.values.indexOf('');
  const values = missing === -1 ? [...prints.values, ''] : prints.values;
  if (missing === -1) missing = values.length - 1;
  return {
    values,
    tools: names.values,
    forEach(visit) {
      for (const i of rows) {
        if (errors[i] <= 0) continue;
        let nth = 0;
        const start = prints.offsets[i];
        const end = prints.offsets[i + 1];
        for (let k = names.offsets[i]; k < names.offsets[i + 1]; k++) {
          if (!failed[k]) continue;
          const at = start + nth;
          visit(i, at < end ? prints.codes[at] : missing, names.codes[k], nth);
          nth++;
        }
      }
    },
  };
}

export const TOOL_CALL_COLUMNS = [
  'epoch_id',
  'tool_error_count',
  'tool_call_names',
  'tool_call_failed',
  'error_fingerprints',
] as const satisfies readonly ScanColumn[];

interface Counted {
  items: Items;
  scan: Scan;
  /** Per code, its items. */
  counts: Int32Array;
  total: number;
  totalToolErrors: number;
  epochs: { epoch_id: number; trajectory_count: number }[];
  /** Per row of the scan, the index of its epoch in `epochs` (rows outside the selection: -1). */
  epochIndex: Int32Array;
}

/** The first pass: every item's signature counted, the epochs and their trajectories. */
function countItems(selection: Selection, items: Items): Counted {
  const { scan, rows } = selection;
  const epochOf = ints(scan, 'epoch_id');
  const errors = ints(scan, 'tool_error_count');
  let low = Infinity;
  let high = -Infinity;
  let totalToolErrors = 0;
  for (const i of rows) {
    if (epochOf[i] < low) low = epochOf[i];
    if (epochOf[i] > high) high = epochOf[i];
    totalToolErrors += errors[i];
  }
  // Trajectories per epoch in an array over the selection's epoch range (a map when the range is sparse and wide).
  const dense = rows.length > 0 && high - low < 4 * rows.length + 1024;
  const perEpoch = new Map<number, number>();
  if (dense) {
    const tally = new Int32Array(high - low + 1);
    for (const i of rows) tally[epochOf[i] - low]++;
    for (let at = 0; at < tally.length; at++) if (tally[at] > 0) perEpoch.set(low + at, tally[at]);
  } else for (const i of rows) perEpoch.set(epochOf[i], (perEpoch.get(epochOf[i]) ?? 0) + 1);
  const epochs = [...perEpoch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch_id, trajectory_count]) => ({ epoch_id, trajectory_count }));
  const indexOf = new Map(epochs.map(({ epoch_id }, index) => [epoch_id, index]));
  const epochIndex = new Int32Array(scan.length).fill(-1);
  if (dense) {
    const slot = new Int32Array(high - low + 1);
    for (const [epoch, index] of indexOf) slot[epoch - low] = index;
    for (const i of rows) epochIndex[i] = slot[epochOf[i] - low];
  } else for (const i of rows) epochIndex[i] = indexOf.get(epochOf[i])!;
  const counts = new Int32Array(items.values.length);
  let total = 0;
  items.forEach((_row, code) => {
    counts[code]++;
    total++;
  });
  return { items, scan, counts, total, totalToolErrors, epochs, epochIndex };
}

/** An example row: its epoch and, for a failed call, which of the row's failed calls had the signature. */
interface Example {
  row: number;
  epoch: number;
  nth: number;
}

/** Keeps the `SIGNATURE_EXAMPLES` rows of the latest epochs (earlier rows first within an epoch), one entry a row. */
function offer(examples: Example[], example: Example): void {
  const last = examples.at(-1);
  if (examples.length === SIGNATURE_EXAMPLES && last && example.epoch <= last.epoch) return;
  if (examples.some((kept) => kept.row === example.row)) return;
  let at = examples.length;
  while (at > 0 && examples[at - 1].epoch < example.epoch) at--;
  examples.splice(at, 0, example);
  if (examples.length > SIGNATURE_EXAMPLES) examples.pop();
}

interface Detail {
  code: number;
  byEpoch: Int32Array;
  tools: Map<number, number>;
  /** Trajectories holding it, and the last one counted (rows are visited in ascending order). */
  trajectories: number;
  lastRow: number;
  examples: Example[];
}

/** The second pass, over the listed signatures only: their epochs, tools, trajectories and examples. */
function detailOf(counted: Counted, codes: readonly number[]): Detail[] {
  const slot = new Int32Array(counted.items.values.length).fill(-1);
  const details = codes.map((code, index): Detail => {
    slot[code] = index;
    return {
      code,
      byEpoch: new Int32Array(counted.epochs.length),
      tools: new Map(),
      trajectories: 0,
      lastRow: -1,
      examples: [],
    };
  });
  counted.items.forEach((row, code, tool, nth) => {
    const at = slot[code];
    if (at === -1) return;
    const detail = details[at];
    const epoch = counted.epochIndex[row];
    detail.byEpoch[epoch]++;
    if (tool >= 0) detail.tools.set(tool, (detail.tools.get(tool) ?? 0) + 1);
    if (detail.lastRow !== row) {
      detail.trajectories++;
      detail.lastRow = row;
    }
    offer(detail.examples, { row, epoch, nth });
  });
  return details;
}

/** Reads the example trajectories' ids, and one real message per signature from its first example's steps. */
async function readExamples(
  context: StatContext,
  scan: Scan,
  details: readonly Detail[],
  message: (stepsJson: unknown, example: Example) => string | null,
): Promise<{ ids: Map<number, string>; messages: (string | null)[] }> {
  const table = context.source.table;
  const rowIds = scan.rowIds;
  if (!table || !rowIds) return { ids: new Map(), messages: details.map(() => null) };
  const rows = [...new Set(details.flatMap((detail) => detail.examples.map((example) => example.row)))];
  const fetched = await takeRows(
    table,
    rows.map((row) => rowIds[row]),
    ['trajectory_id'],
  );
  const byRowId = new Map(fetched.map((row) => [BigInt(row._rowid as bigint | number), row]));
  const ids = new Map(rows.map((row) => [row, String(byRowId.get(rowIds[row])?.trajectory_id ?? '')]));
  const firsts = [...new Set(details.flatMap((detail) => detail.examples.slice(0, 1).map((e) => e.row)))];
  const withSteps = await takeRows(
    table,
    firsts.map((row) => rowIds[row]),
    ['steps_json'],
  );
  const steps = new Map(withSteps.map((row) => [BigInt(row._rowid as bigint | number), row.steps_json]));
  const messages = details.map((detail) => {
    const first = detail.examples[0];
    if (!first) return null;
    const text = message(steps.get(rowIds[first.row]), first);
    return text === null ? null : clipped(text);
  });
  return { ids, messages };
}

/** The signatures of the counted items, most common first (ties by signature), with their details and examples. */
async function signaturesOf(
  counted: Counted,
  limit: number,
  context: StatContext,
  message: (stepsJson: unknown, example: Example) => string | null,
): Promise<Pick<FailureSignatures, 'signature_count' | 'signatures'>> {
  const { items, counts, total, epochs } = counted;
  const present: number[] = [];
  for (let code = 0; code < counts.length; code++) if (counts[code] > 0) present.push(code);
  present.sort((a, b) => counts[b] - counts[a] || (items.values[a] < items.values[b] ? -1 : 1));
  const details = detailOf(counted, present.slice(0, limit));
  const { ids, messages } = await readExamples(context, counted.scan, details, message);
  const trajectories = epochs.map((epoch) => epoch.trajectory_count);
  const signatures = details.map((detail, index): SignatureEntry => {
    const byEpoch = Array.from(detail.byEpoch);
    const firstIndex = byEpoch.findIndex((value) => value > 0);
    const lastIndex = byEpoch.findLastIndex((value) => value > 0);
    return {
      signature: items.values[detail.code],
      example: messages[index],
      count: counts[detail.code],
      share: counts[detail.code] / total,
      trajectory_count: detail.trajectories,
      by_epoch: Object.fromEntries(
        byEpoch.flatMap((value, at) => (value > 0 ? [[String(epochs[at].epoch_id), value]] : [])),
      ),
      first_epoch: epochs[firstIndex].epoch_id,
      last_epoch: epochs[lastIndex].epoch_id,
      trend: signatureTrend(byEpoch, trajectories),
      tools: Object.fromEntries(
        [...detail.tools.entries()]
          .sort(([a, m], [b, n]) => n - m || (items.tools[a] < items.tools[b] ? -1 : 1))
          .map(([tool, n]) => [items.tools[tool], n]),
      ),
      examples: detail.examples.map((example) => ids.get(example.row) ?? '').filter((id) => id !== ''),
    };
  });
  return { signature_count: present.length, signatures };
}

/** The signature of a failed trajectory that ended on a tool call, or had no assistant step: no final answer. */
export const NO_FINAL_ANSWER = '<no final answer>';

export const ANSWER_COLUMNS = [
  'epoch_id',
  'tool_error_count',
  'reward',
  'final_answer_chars',
  'final_answer_fingerprint',
] as const satisfies readonly ScanColumn[];

/**
 * The final answer of every failed trajectory among the rows (reward ≤ `successThreshold`), each once: its
 * fingerprint, `NO_FINAL_ANSWER` without one ('' for an empty answer).
 */
function finalAnswerItems(scan: Scan, rows: Int32Array, successThreshold: number): Items {
  const prints = strings(scan, 'final_answer_fingerprint');
  const chars = ints(scan, 'final_answer_chars');
  const reward = floats(scan, 'reward');
  const values = [...prints.values, NO_FINAL_ANSWER, ''];
  const none = values.length - 2;
  const empty = values.length - 1;
  return {
    values,
    tools: [],
    forEach(visit) {
      for (const i of rows) {
        if (!(reward[i] <= successThreshold)) continue;
        const code = prints.codes[i];
        visit(
          i,
          chars[i] === INT_NULL ? none : code >= 0 && prints.values[code] !== '' ? code : empty,
          -1,
          0,
        );
      }
    },
  };
}

/** The failure signatures of the selected rows (`signature_of` chooses what is grouped). */
export async function computeFailureSignatures(
  selection: Selection,
  query: { signature_of?: SignatureOf; limit?: number; success_threshold?: number },
  context: StatContext,
): Promise<FailureSignatures> {
  const limit = query.limit ?? DEFAULT_SIGNATURE_LIMIT;
  if (query.signature_of === 'final_answers') {
    // The answer columns are read only when asked for (the tool-call columns are the stat's own).
    const answers = await selectRows(context.source, context.filters, ANSWER_COLUMNS, { withRowIds: true });
    const items = finalAnswerItems(answers.scan, answers.rows, query.success_threshold ?? 0);
    const counted = countItems(answers, items);
    const listed = await signaturesOf(counted, limit, context, (steps) => finalAnswer(parseSteps(steps)));
    return { signature_of: 'final_answers', ...totals(counted), ...listed };
  }
  const counted = countItems(selection, toolCallItems(selection.scan, selection.rows));
  const listed = await signaturesOf(counted, limit, context, (steps, example) =>
    nthFailedCallMessage(steps, example.nth),
  );
  return { signature_of: 'tool_calls', ...totals(counted), ...listed };
}

function totals(counted: Counted): Pick<FailureSignatures, 'total_tool_errors' | 'total' | 'epochs'> {
  return { total_tool_errors: counted.totalToolErrors, total: counted.total, epochs: counted.epochs };
}

/**
 * Failed tool calls grouped by the fingerprint of their error message (ids, numbers, quoted text, paths replaced by
 * placeholders at ingest), each call in exactly one signature, with its counts per epoch and its trend.
 */
export const failureSignatures = defineStat({
  name: 'failure-signatures',
  doc: {
    params: `\`signature_of\` (\`tool_calls\` default, \`final_answers\`), \`limit\` (1–1000, default ${DEFAULT_SIGNATURE_LIMIT})`,
    answers:
      'the failures grouped by signature (the fingerprint of the error message), most common first: count, share, count per epoch, first epoch, trend, the tools that raised it, one real message and up to 5 trajectory ids',
  },
  response: failureSignaturesResponse,
  columns: TOOL_CALL_COLUMNS,
  params: ['signature_of', 'limit', 'success_threshold'],
  withRowIds: true,
  compute: (selection, query, context) => computeFailureSignatures(selection, query, context),
});
