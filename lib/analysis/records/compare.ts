import { STEP_WINDOW } from '../../limits';
import { AnalysisError } from '../errors';
import { openSource, type Source } from '../source';
import { firstDifference, firstDifferenceIn, type StepDifference } from './transcript';
import {
  checkId,
  detailOf,
  storedRow,
  turnsOf,
  wholeSteps,
  windowStart,
  withRecordSlot,
  type TrajectoryDetail,
} from './trajectory';

/** Positions of the side-by-side page at a time: two steps each, as many steps as a window of one trajectory. */
export const COMPARE_WINDOW = STEP_WINDOW / 2;

/** Two trajectories side by side: the same window of steps of each (step i beside step i), and where they differ. */
export interface TrajectoryComparison {
  /** Each with the steps of the window (`steps_from` is the same for both; the shorter one may have fewer or none). */
  a: TrajectoryDetail;
  b: TrajectoryDetail;
  /** Steps of the longer of the two: the windows run over these. */
  total: number;
  /** Positions of a window (COMPARE_WINDOW). */
  size: number;
  /** The first position where they differ, over all their steps; null when they agree step for step. */
  difference: StepDifference | null;
}

/**
 * Reads two trajectories and compares them step by step over all their steps (those with equal texts are not even
 * parsed), then cuts both to the window of `COMPARE_WINDOW` positions that holds `around` (0-based), or, without it, the
 * one that holds the first difference. Both records are read while holding one record slot. An unknown id is a 404
 * naming `a` or `b`.
 */
export async function compareTrajectories(
  aId: string,
  bId: string,
  around?: number,
  source?: Source,
): Promise<TrajectoryComparison> {
  for (const [param, id] of [
    ['a', aId],
    ['b', bId],
  ] as const) {
    try {
      checkId(id);
    } catch {
      throw new AnalysisError(`${param}: not a valid trajectory id`, param);
    }
  }
  const src = source ?? (await openSource());
  return withRecordSlot(async () => {
    const [rowA, rowB] = await Promise.all([
      storedRow(aId, src).catch(named('a')),
      storedRow(bId, src).catch(named('b')),
    ]);
    // Both parsed whole when not too long (several times faster than scanning), else read side by side.
    const wholeA = wholeSteps(rowA.steps_json);
    const wholeB = wholeA && wholeSteps(rowB.steps_json);
    const difference =
      wholeA && wholeB
        ? firstDifference(wholeA, wholeB)
        : firstDifferenceIn(rowA.steps_json, rowB.steps_json);
    const total = Math.max(turnsOf(rowA), turnsOf(rowB));
    const size = COMPARE_WINDOW;
    const from = windowStart(around ?? difference?.index ?? 0, total, size);
    const wanted = { around: from };
    const side = (row: Record<string, unknown>, whole: typeof wholeA) =>
      whole
        ? { ...detailOf(row, wanted, from, 0), steps: whole.slice(from, from + size) }
        : detailOf(row, wanted, from, size);
    return {
      a: side(rowA, wholeA),
      b: side(rowB, wholeB),
      total,
      size,
      difference,
    };
  });
}

/** An unknown-id error of one side, renamed to that side's parameter. */
function named(param: 'a' | 'b') {
  return (error: unknown): never => {
    if (error instanceof AnalysisError)
      throw new AnalysisError(`${param}: ${error.message}`, param, error.status);
    throw error;
  };
}
