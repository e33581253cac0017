import type { FailureSignatures, SignatureTrend } from '@/lib/analysis/stats/failure-signatures';
import { dashboardHref, filterChangeHref, trajectoryHref, type DashboardParams } from '@/lib/search-params';
import { formatInteger, formatPercent } from './format';
import type { SparkPoint } from './sparkline';
import type { ChartColor } from './types';

/** The colour of a trend: red for an error that is new or growing, green for one shrinking or gone. */
export const SIGNATURE_TREND_COLORS: Record<SignatureTrend, ChartColor> = {
  new: 'rose',
  growing: 'orange',
  shrinking: 'emerald',
  gone: 'teal',
  steady: 'slate',
};

/** What a trend means, for its badge's tooltip (the rule is in docs/api.md, failure-signatures). */
export const SIGNATURE_TREND_WORDS: Record<SignatureTrend, string> = {
  new: 'new: absent from the first half of the epochs',
  growing:
    'growing: its rate per trajectory in the last third of the epochs is over 1.5× the first third’s, beyond noise',
  shrinking:
    'shrinking: its rate per trajectory in the last third of the epochs is under 1/1.5 of the first third’s, beyond noise',
  gone: 'gone: absent from the last third of the epochs',
  steady: 'steady: no change beyond noise (or a single epoch)',
};

export interface SignatureRow {
  signature: string;
  /** The signature as shown: an empty one says what it stands for. */
  label: string;
  /** One real message (or answer) with this signature. */
  example: string | null;
  count: number;
  /** "24 · 33%": the count and its share of every failure counted. */
  countText: string;
  trend: SignatureTrend;
  trendColor: ChartColor;
  trendWord: string;
  firstEpoch: number;
  /**
   * Per epoch of the selection, the rate per trajectory over this row's highest (1 at the peak; 0 where absent); none
   * with a single epoch (no line to draw).
   */
  points: SparkPoint[];
  /** The highest rate per trajectory of an epoch, which the top of the sparkline stands for. */
  peakRate: number;
  /** The tools that raised it with their counts, most first: "book_reservation 24" (tool calls only). */
  tools: string[];
  /** The failure list narrowed to this signature; null when it cannot be a filter (answers, an empty message). */
  href: string | null;
  /** Whether `signature=` is this signature now. */
  active: boolean;
  /** The first example trajectory's page. */
  exampleHref: string | null;
  /**
   * Every example trajectory's page, the latest epochs first: the way to a final answer's trajectories, which no
   * filter selects (a tool-error signature has its `href`).
   */
  exampleHrefs: string[];
}

export interface SignatureList {
  rows: SignatureRow[];
  /** Signatures beyond those listed. */
  hidden: number;
  /** The share of the failures in those. */
  hiddenShare: number;
  /** "73 failed tool calls in 8 signatures". */
  summary: string;
  /** The two views of the card: tool calls and final answers, and which is shown. */
  modes: { label: string; href: string; active: boolean }[];
}

function labelOf(signature: string, of: FailureSignatures['signature_of']): string {
  if (signature !== '') return signature;
  return of === 'tool_calls' ? '(no error message)' : '(empty answer)';
}

/** The rows of the signature card, with the links of the current dashboard view `params`. */
export function signatureList(result: FailureSignatures, params: DashboardParams): SignatureList {
  const of = result.signature_of;
  const rows = result.signatures.map((entry): SignatureRow => {
    const rates = result.epochs.map(({ epoch_id, trajectory_count }) =>
      trajectory_count > 0 ? (entry.by_epoch[String(epoch_id)] ?? 0) / trajectory_count : 0,
    );
    const peakRate = Math.max(0, ...rates);
    const filterable = of === 'tool_calls' && entry.signature !== '';
    return {
      signature: entry.signature,
      label: labelOf(entry.signature, of),
      example: entry.example,
      count: entry.count,
      countText: `${formatInteger(entry.count)} · ${formatPercent(entry.share, 0)}`,
      trend: entry.trend,
      trendColor: SIGNATURE_TREND_COLORS[entry.trend],
      trendWord: SIGNATURE_TREND_WORDS[entry.trend],
      firstEpoch: entry.first_epoch,
      points: (result.epochs.length < 2 ? [] : result.epochs).map(({ epoch_id }, i) => ({
        epoch: epoch_id,
        value: peakRate > 0 ? rates[i] / peakRate : 0,
      })),
      peakRate,
      tools: Object.entries(entry.tools).map(([tool, count]) => `${tool} ${formatInteger(count)}`),
      href: filterable ? filterChangeHref(params, { signature: entry.signature }) : null,
      active: filterable && params.signature === entry.signature,
      exampleHref: entry.examples.length > 0 ? trajectoryHref(entry.examples[0]) : null,
      exampleHrefs: entry.examples.map((id) => trajectoryHref(id)),
    };
  });
  const what =
    of === 'tool_calls'
      ? `${formatInteger(result.total)} failed tool ${result.total === 1 ? 'call' : 'calls'}`
      : `${formatInteger(result.total)} failed ${result.total === 1 ? 'trajectory' : 'trajectories'}`;
  const signatures = `${formatInteger(result.signature_count)} ${result.signature_count === 1 ? 'signature' : 'signatures'}`;
  return {
    rows,
    hidden: result.signature_count - rows.length,
    hiddenShare: result.total > 0 ? 1 - rows.reduce((sum, row) => sum + row.count, 0) / result.total : 0,
    summary: `${what} in ${signatures}`,
    modes: [
      { label: 'Tool errors', value: 'tool_calls' as const },
      { label: 'Answers', value: 'final_answers' as const },
    ].map(({ label, value }) => ({
      label,
      // The default leaves the URL bare.
      href: dashboardHref(params, { signature_of: value === 'tool_calls' ? null : value }),
      active: of === value,
    })),
  };
}
