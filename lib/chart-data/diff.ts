import type { Diff, DiffSide, Direction, DirectionChanges, FlippedQuestion } from '../analysis/stats/diff';
import {
  analysisHref,
  compareHref,
  diffHref,
  groupHref,
  questionRunsHref,
  type DashboardPatch,
} from '@/lib/search-params';
import {
  formatInteger,
  formatPercent,
  formatPercentPoints,
  formatPValue,
  formatReward,
  NOT_AVAILABLE,
} from './format';
import { MIN_QUESTIONS_FOR_VERDICT } from '../analysis/metrics/bootstrap';
import type { VerdictTone } from './comparison';

/**
 * The diff page's figures, shaped for drawing: the headline, the changes of each direction side a against side b,
 * and the table of flipped questions; every figure with the href of the trajectories behind it.
 */

/** Most questions a list filter holds (PARAMS' list bound): a link to more questions names the first ones. */
export const MAX_LINKED_QUESTIONS = 100;

/** "epoch 4" when both sides are one run, else "run @ epoch 4". */
export function sideLabel(side: DiffSide, other: DiffSide): string {
  return side.training_id === other.training_id
    ? `epoch ${side.epoch_id}`
    : `${side.training_id} @ epoch ${side.epoch_id}`;
}

/**
 * The trajectories of some questions on one side: the Failures tab listing every scored trajectory (`reward_max=any`)
 * of the run at that epoch, narrowed to the questions (the first MAX_LINKED_QUESTIONS) and to `more` filters.
 */
export function sideTrajectoriesHref(
  side: DiffSide,
  dataIds: readonly string[],
  more: DashboardPatch = {},
): string {
  return analysisHref({
    ...more,
    tab: 'failures',
    training_id: [side.training_id],
    epoch_id: side.epoch_id,
    reward_max: Infinity,
    data_id: dataIds.length > 0 ? dataIds.slice(0, MAX_LINKED_QUESTIONS) : null,
  });
}

export interface Headline {
  a: string;
  b: string;
  counts: {
    key: 'newly_solved' | 'regressed' | 'both' | 'neither';
    label: string;
    value: number;
    href: string | null;
  }[];
  delta: string;
  ci: string | null;
  p: string;
  verdict: { tone: VerdictTone; text: string };
  /** How many questions were compared, and how many one side lacked. */
  coverage: string;
}

/** Plain words for the change and its noise. */
export function diffVerdict(d: Diff): { tone: VerdictTone; text: string } {
  if (d.questions.shared === 0 || d.delta_success_rate === null)
    return { tone: 'unclear', text: 'No question is on both sides: nothing to compare' };
  const flips =
    d.mcnemar_p < 0.05
      ? `the flips lean one way (McNemar p ${formatPValue(d.mcnemar_p)})`
      : `the flips could be chance (McNemar p ${formatPValue(d.mcnemar_p)})`;
  if (d.questions.shared < MIN_QUESTIONS_FOR_VERDICT)
    return {
      tone: 'unclear',
      text: `Too few questions on both sides (${d.questions.shared}) for the interval to judge; ${flips}`,
    };
  if (d.delta_ci && d.delta_ci.low > 0)
    return { tone: 'better', text: `Side b is better: the 95% interval is above 0, and ${flips}` };
  if (d.delta_ci && d.delta_ci.high < 0)
    return { tone: 'worse', text: `Side b is worse: the 95% interval is below 0, and ${flips}` };
  return { tone: 'unclear', text: `Within noise: the 95% interval covers 0, and ${flips}` };
}

export function diffHeadline(d: Diff): Headline {
  const q = d.questions;
  const flippedHref = (ids: readonly string[]) => (ids.length > 0 ? sideTrajectoriesHref(d.b, ids) : null);
  return {
    a: sideLabel(d.a, d.b),
    b: sideLabel(d.b, d.a),
    counts: [
      {
        key: 'newly_solved',
        label: 'Newly solved',
        value: q.newly_solved.length,
        href: flippedHref(q.newly_solved),
      },
      { key: 'regressed', label: 'Regressed', value: q.regressed.length, href: flippedHref(q.regressed) },
      { key: 'both', label: 'Solved on both', value: q.both, href: null },
      { key: 'neither', label: 'Solved on neither', value: q.neither, href: null },
    ],
    delta: formatPercentPoints(d.delta_success_rate),
    ci: d.delta_ci
      ? `[${formatPercentPoints(d.delta_ci.low)}, ${formatPercentPoints(d.delta_ci.high)}]`
      : null,
    p: formatPValue(d.mcnemar_p),
    verdict: diffVerdict(d),
    coverage:
      `${formatInteger(q.shared)} questions on both sides` +
      (q.only_a + q.only_b > 0
        ? ` (left out: ${formatInteger(q.only_a)} only on a, ${formatInteger(q.only_b)} only on b)`
        : ''),
  };
}

/** One row of a side-a-against-side-b table: the two figures, which way it moved, and the trajectories behind each. */
export interface ChangeRow {
  label: string;
  a: string;
  b: string;
  /** b above a, below, equal, or not comparable. */
  trend: 'up' | 'down' | 'same' | 'none';
  /** A tool or fingerprint seen on one side only. */
  status?: 'added' | 'dropped' | 'appeared' | 'vanished';
  hrefA: string | null;
  hrefB: string | null;
}

export interface ChangeTables {
  direction: Direction;
  title: string;
  questions: number;
  figures: ChangeRow[];
  termination: ChangeRow[];
  tools: ChangeRow[];
  errors: ChangeRow[];
  /** Distinct error fingerprints beyond those listed. */
  moreErrors: number;
}

function trendOf(a: number | null, b: number | null): ChangeRow['trend'] {
  if (a === null || b === null) return 'none';
  return b > a ? 'up' : b < a ? 'down' : 'same';
}

const fixed2 = (value: number | null) => (value === null ? NOT_AVAILABLE : formatReward(value, 2));
const fixed0 = (value: number | null) => (value === null ? NOT_AVAILABLE : formatInteger(value));

/**
 * The tables of what changed: side figures, terminations, tools and error fingerprints. `dataIds` are the questions
 * the figures cover (their trajectories are what the links open).
 */
export function changeTables(
  a: DiffSide,
  b: DiffSide,
  changes: Pick<DirectionChanges, keyof DirectionChanges>,
  dataIds: readonly string[],
  direction: Direction,
): ChangeTables {
  const link = (side: DiffSide, trajectories: number, more: DashboardPatch = {}) =>
    trajectories > 0 ? sideTrajectoriesHref(side, dataIds, more) : null;
  const hrefA = link(a, changes.a.trajectories);
  const hrefB = link(b, changes.b.trajectories);
  const figure = (
    label: string,
    va: number | null,
    vb: number | null,
    format: (value: number | null) => string,
  ): ChangeRow => ({
    label,
    a: format(va),
    b: format(vb),
    trend: trendOf(va, vb),
    hrefA: va === null ? null : hrefA,
    hrefB: vb === null ? null : hrefB,
  });
  const reasons = [
    ...new Set([...Object.keys(changes.a.termination), ...Object.keys(changes.b.termination)]),
  ];
  return {
    direction,
    title: direction === 'newly_solved' ? 'Newly solved questions' : 'Regressed questions',
    questions: changes.questions,
    figures: [
      figure('Trajectories', changes.a.trajectories, changes.b.trajectories, fixed0),
      figure('Success rate', changes.a.success_rate, changes.b.success_rate, (v) => formatPercent(v)),
      figure('Tool calls per trajectory', changes.a.mean_tool_calls, changes.b.mean_tool_calls, fixed2),
      figure('Steps per trajectory', changes.a.mean_steps, changes.b.mean_steps, fixed2),
      figure('Response tokens', changes.a.mean_response_tokens, changes.b.mean_response_tokens, fixed0),
    ],
    termination: reasons.map((reason) => {
      const ca = changes.a.termination[reason] ?? 0;
      const cb = changes.b.termination[reason] ?? 0;
      const more = { termination_reason: [reason] };
      return {
        label: reason,
        a: formatInteger(ca),
        b: formatInteger(cb),
        trend: trendOf(ca, cb),
        hrefA: ca > 0 ? link(a, ca, more) : null,
        hrefB: cb > 0 ? link(b, cb, more) : null,
      };
    }),
    tools: changes.tools.map((tool) => {
      const more = { tools_any: [tool.tool] };
      return {
        label: tool.tool,
        a: `${formatInteger(tool.calls_a)} (${fixed2(tool.per_trajectory_a)}/traj.)`,
        b: `${formatInteger(tool.calls_b)} (${fixed2(tool.per_trajectory_b)}/traj.)`,
        trend: trendOf(tool.per_trajectory_a, tool.per_trajectory_b),
        status: tool.calls_a === 0 ? 'added' : tool.calls_b === 0 ? 'dropped' : undefined,
        hrefA: tool.calls_a > 0 ? link(a, tool.calls_a, more) : null,
        hrefB: tool.calls_b > 0 ? link(b, tool.calls_b, more) : null,
      };
    }),
    errors: changes.errors.map((error) => {
      // The trajectories with a failed call whose message has this fingerprint.
      const more = { signature: error.fingerprint };
      return {
        label: error.fingerprint,
        a: formatInteger(error.count_a),
        b: formatInteger(error.count_b),
        trend: trendOf(error.count_a, error.count_b),
        status: error.count_a === 0 ? 'appeared' : error.count_b === 0 ? 'vanished' : undefined,
        hrefA: error.count_a > 0 ? link(a, error.count_a, more) : null,
        hrefB: error.count_b > 0 ? link(b, error.count_b, more) : null,
      };
    }),
    moreErrors: Math.max(0, changes.errors_distinct - changes.errors.length),
  };
}

/** The two direction summaries of a diff as tables. */
export function diffChangeTables(d: Diff): ChangeTables[] {
  return (['newly_solved', 'regressed'] as const).map((direction) =>
    changeTables(d.a, d.b, d.changes[direction], d.questions[direction], direction),
  );
}

/** One flipped question as the table shows it. */
export interface FlippedRow {
  dataId: string;
  direction: Direction;
  rates: string;
  delta: string;
  toolCalls: string;
  steps: string;
  toolsAdded: string[];
  toolsDropped: string[];
  errorsAppeared: number;
  errorsVanished: number;
  questionHref: string;
  /** The question's samples on each side (its GRPO group page). */
  hrefA: string;
  hrefB: string;
  /** The pair side by side (side a's trajectory left), opened at their first divergent step. */
  compareHref: string;
  firstDivergentStep: number | null;
}

export function flippedRow(d: Diff, q: FlippedQuestion): FlippedRow {
  const newly = q.direction === 'newly_solved';
  const left = newly ? q.pair.failed : q.pair.solved;
  const right = newly ? q.pair.solved : q.pair.failed;
  const runs = [...new Set([d.a.training_id, d.b.training_id])];
  return {
    dataId: q.data_id,
    direction: q.direction,
    rates: `${formatPercent(q.rate_a, 0)} → ${formatPercent(q.rate_b, 0)}`,
    delta: formatPercentPoints(q.rate_b - q.rate_a, 0),
    toolCalls: `${fixed2(q.a.mean_tool_calls)} → ${fixed2(q.b.mean_tool_calls)}`,
    steps: `${fixed2(q.a.mean_steps)} → ${fixed2(q.b.mean_steps)}`,
    toolsAdded: q.tools_added,
    toolsDropped: q.tools_dropped,
    errorsAppeared: q.errors.filter((e) => e.count_a === 0).length,
    errorsVanished: q.errors.filter((e) => e.count_b === 0).length,
    questionHref: questionRunsHref(
      q.data_id,
      runs,
      d.a.training_id === d.b.training_id ? d.b.epoch_id : undefined,
    ),
    hrefA: groupHref(d.a.training_id, d.a.epoch_id, q.data_id),
    hrefB: groupHref(d.b.training_id, d.b.epoch_id, q.data_id),
    compareHref: compareHref(left, right, q.pair.first_divergent_step ?? undefined),
    firstDivergentStep: q.pair.first_divergent_step,
  };
}

export function flippedRows(d: Diff): FlippedRow[] {
  return d.changes.flipped.map((q) => flippedRow(d, q));
}

/** The same diff with the sides swapped (b against a). */
export function swappedDiffHref(
  d: Pick<Diff, 'a' | 'b' | 'solved_rate'>,
  extra: DashboardPatch = {},
): string {
  return diffHref(d.b, d.a, { ...extra, solved_rate: d.solved_rate === 0.5 ? null : d.solved_rate });
}

/** Shortcuts to pairs of epochs of one run: first → last, and each epoch against the one before the last. */
export function epochPairs(trainingId: string, epochs: readonly number[]): { label: string; href: string }[] {
  if (epochs.length < 2) return [];
  const first = epochs[0];
  const last = epochs.at(-1)!;
  const previous = epochs.at(-2)!;
  const pairs: { label: string; href: string }[] = [
    {
      label: `epoch ${first} → ${last}`,
      href: diffHref(
        { training_id: trainingId, epoch_id: first },
        { training_id: trainingId, epoch_id: last },
      ),
    },
  ];
  if (previous !== first)
    pairs.push({
      label: `epoch ${previous} → ${last}`,
      href: diffHref(
        { training_id: trainingId, epoch_id: previous },
        { training_id: trainingId, epoch_id: last },
      ),
    });
  return pairs;
}
