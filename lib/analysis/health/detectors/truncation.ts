import { floats, strings } from '../../scan/scan';
import {
  byRow,
  matchingCodes,
  percent,
  shareFindings,
  type Detector,
  type DetectorInput,
  type DetectorResult,
} from '../detector';
import { episodes, judgeMeans, type MeanCount } from '../rules';
import { spreadExamples } from '../detector';

/** Termination reasons that mean a length, token, turn or context limit was hit. */
export const LIMIT_REASON =
  /max_?(tokens?|steps?|turns?|length|context)|(token|step|turn|length|context)_?limit|context_length|truncat|^length$/i;

/** Relative rise of the mean response length that fires (warning, critical). */
const LENGTH_RULE = { warning: 0.5, critical: 1 };

/**
 * `truncation`: the share of trajectories that hit a limit (`truncated` = 1, or a termination reason naming a length,
 * token, turn or context limit) rises by 10 points over the baseline (critical: 25), or the mean `response_tokens`
 * rises by half (critical: doubles).
 */
export const truncation: Detector = {
  id: 'truncation',
  rule:
    'share of trajectories that hit a length, token, turn or context limit rises ≥ 10 points over the baseline ' +
    '(critical ≥ 25), or mean response tokens rise ≥ 50 % (critical ≥ 100 %)',
  columns: ['truncated', 'termination_reason', 'response_tokens'],
  detect(input: DetectorInput): DetectorResult {
    const { scan } = input;
    const truncated = floats(scan, 'truncated');
    const reason = strings(scan, 'termination_reason');
    const limitReason = matchingCodes(reason.values, LIMIT_REASON);
    const share = shareFindings(input, {
      detector: 'truncation',
      subject: null,
      label: 'share of trajectories that hit a limit',
      rule: { warning: 0.1, critical: 0.25 },
      ...byRow((i) => {
        const code = reason.codes[i];
        return truncated[i] === 1 || (code >= 0 && limitReason[code] === 1);
      }),
      message: (judged) =>
        `${percent(judged.value)} of trajectories hit a length or token limit at epoch ${judged.epoch_id} ` +
        `(baseline ${percent(judged.baseline ?? 0)})`,
    });
    return merge(share, responseLength(input));
  },
};

function responseLength(input: DetectorInput): DetectorResult {
  const tokens = floats(input.scan, 'response_tokens');
  const counts: MeanCount[] = [];
  for (const { epoch_id, rows } of input.run.epochs) {
    let n = 0;
    let sum = 0;
    let squares = 0;
    for (const i of rows) {
      const value = tokens[i];
      if (Number.isNaN(value)) continue;
      n++;
      sum += value;
      squares += value * value;
    }
    if (n === 0) continue;
    const mean = sum / n;
    counts.push({ epoch_id, mean, sd: Math.sqrt(Math.max(0, squares / n - mean * mean)), n });
  }
  // Examples: the longest responses of the epoch (only for the epochs an alert starts at).
  const longest = (epochId: number): number[] => {
    const rows = input.run.epochs.find((e) => e.epoch_id === epochId)?.rows ?? new Int32Array(0);
    return [...rows]
      .filter((i) => !Number.isNaN(tokens[i]))
      .sort((a, b) => tokens[b] - tokens[a])
      .slice(0, 20);
  };
  if (counts.length === 0) return { series: [], findings: [] };
  const points = judgeMeans(counts, LENGTH_RULE);
  return {
    series: [
      {
        detector: 'truncation',
        subject: 'response_tokens',
        label: 'mean response tokens',
        unit: 'tokens',
        points,
      },
    ],
    findings: episodes(points).map(({ first, severity }) => ({
      detector: 'truncation',
      subject: 'response_tokens',
      severity,
      epoch_id: first.epoch_id,
      message:
        `mean response length ${Math.round(first.value)} tokens at epoch ${first.epoch_id} ` +
        `(baseline ${Math.round(first.baseline ?? 0)})`,
      value: first.value,
      baseline: first.baseline,
      exampleRows: spreadExamples(longest(first.epoch_id)),
    })),
  };
}

function merge(a: DetectorResult, b: DetectorResult): DetectorResult {
  return { series: [...a.series, ...b.series], findings: [...a.findings, ...b.findings] };
}
