import { list } from '../../scan/scan';
import { percent, shareFindings, type Detector, type DetectorResult } from '../detector';

/** Calls of a tool an epoch needs for its failure rate to be judged. */
export const MIN_EPOCH_CALLS = 30;

/** Stands for every tool together. */
const ALL = -1;

/** One epoch's calls and failures per tool code (the last slot: every tool), counted in one pass over its rows. */
interface EpochCalls {
  calls: Int32Array;
  failures: Int32Array;
}

/**
 * `tool_errors`: per tool, the share of its calls that failed rises by 15 points over the baseline (critical: 35);
 * the alert names the tool and its most common error fingerprint in that epoch. All tools together are judged the
 * same way when no single tool fires (subject null).
 */
export const toolErrors: Detector = {
  id: 'tool_errors',
  rule:
    `per tool (≥ ${MIN_EPOCH_CALLS} calls an epoch), the share of failed calls rises ≥ 15 points over the ` +
    'baseline (critical ≥ 35); all tools together when no single tool fires',
  columns: ['tool_call_names', 'tool_call_failed', 'error_fingerprints'],
  detect(input): DetectorResult {
    const names = list(input.scan, 'tool_call_names');
    const failed = input.scan.toolCallFailed!;
    const fingerprints = list(input.scan, 'error_fingerprints');
    const slots = names.values.length + 1;
    const slotOf = (tool: number) => (tool === ALL ? slots - 1 : tool);
    const perEpoch = new Map<number, EpochCalls>();
    const used = new Uint8Array(slots);
    for (const { epoch_id, rows } of input.run.epochs) {
      const counted: EpochCalls = { calls: new Int32Array(slots), failures: new Int32Array(slots) };
      for (const i of rows) {
        for (let k = names.offsets[i]; k < names.offsets[i + 1]; k++) {
          const tool = names.codes[k];
          counted.calls[tool]++;
          if (failed[k]) counted.failures[tool]++;
        }
      }
      for (let tool = 0; tool < slots - 1; tool++) {
        counted.calls[slots - 1] += counted.calls[tool];
        counted.failures[slots - 1] += counted.failures[tool];
        if (counted.calls[tool] > 0) used[tool] = 1;
      }
      perEpoch.set(epoch_id, counted);
    }
    const tools = [...used.keys()].filter((tool) => used[tool] === 1 && tool < slots - 1);
    const epochOfRows = new Map(input.run.epochs.map(({ epoch_id, rows }) => [rows, epoch_id]));
    /** Rows of an epoch with a failed call of the tool (only for the epochs an alert starts at). */
    const failingRows = (tool: number, rows: Int32Array): number[] =>
      [...rows].filter((i) => {
        for (let k = names.offsets[i]; k < names.offsets[i + 1]; k++)
          if (failed[k] && (tool === ALL || names.codes[k] === tool)) return true;
        return false;
      });
    /** The most common fingerprint of the tool's failed calls in these rows (the k-th failed call of a row has the
     * row's k-th fingerprint). */
    const topError = (tool: number, rows: readonly number[]): string | null => {
      const counts = new Map<number, number>();
      for (const i of rows) {
        let nth = 0;
        for (let k = names.offsets[i]; k < names.offsets[i + 1]; k++) {
          if (!failed[k]) continue;
          const at = fingerprints.offsets[i] + nth++;
          if (tool !== ALL && names.codes[k] !== tool) continue;
          if (at < fingerprints.offsets[i + 1]) {
            const code = fingerprints.codes[at];
            counts.set(code, (counts.get(code) ?? 0) + 1);
          }
        }
      }
      let best: number | null = null;
      for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
      return best === null ? null : fingerprints.values[best];
    };
    const judge = (tool: number): DetectorResult => {
      const name = tool === ALL ? null : names.values[tool];
      return shareFindings(input, {
        detector: 'tool_errors',
        subject: name,
        label: name === null ? 'share of tool calls that failed' : `share of ${name} calls that failed`,
        rule: { warning: 0.15, critical: 0.35, minTotal: MIN_EPOCH_CALLS },
        count: (rows) => {
          const counted = perEpoch.get(epochOfRows.get(rows)!)!;
          return { hits: counted.failures[slotOf(tool)], total: counted.calls[slotOf(tool)] };
        },
        examples: (rows) => failingRows(tool, rows),
        message: (judged, hitRows) => {
          const error = topError(tool, hitRows);
          const what = name === null ? 'of tool calls' : `of ${name} calls`;
          return (
            `${percent(judged.value)} ${what} failed at epoch ${judged.epoch_id} ` +
            `(baseline ${percent(judged.baseline ?? 0)})` +
            (error ? `; most common error: ${error}` : '')
          );
        },
      });
    };
    const perTool = tools.sort((a, b) => (names.values[a] < names.values[b] ? -1 : 1)).map(judge);
    const all = judge(ALL);
    const firedEpochs = new Set(perTool.flatMap((r) => r.findings.map((f) => f.epoch_id)));
    return {
      series: [...all.series, ...perTool.flatMap((r) => r.series)],
      findings: [
        ...perTool.flatMap((r) => r.findings),
        ...all.findings.filter((f) => !firedEpochs.has(f.epoch_id)),
      ],
    };
  },
};
