import { floats, ints } from '../../scan/scan';
import { byRow, percent, shareFindings, type Detector } from '../detector';

/** A final answer is degenerate when this share of its word 4-grams repeat earlier ones, or when it is empty. */
export const DEGENERATE_REPEAT_SHARE = 0.5;

/**
 * `degenerate_text`: among trajectories that end with an answer, the share whose answer is empty or repeats itself
 * (`final_repeat_share` ≥ 0.5) rises by 8 points over the baseline (critical: 20).
 */
export const degenerateText: Detector = {
  id: 'degenerate_text',
  rule: 'share of final answers that are empty or repeat their own 4-grams (≥ 50 %) rises ≥ 8 points (critical ≥ 20)',
  columns: ['final_answer_chars', 'final_repeat_share'],
  detect(input) {
    const chars = ints(input.scan, 'final_answer_chars');
    const repeat = floats(input.scan, 'final_repeat_share');
    return shareFindings(input, {
      detector: 'degenerate_text',
      subject: null,
      label: 'share of final answers empty or repetitive',
      rule: { warning: 0.08, critical: 0.2 },
      // A null final answer (INT_NULL, negative) is no answer: not counted.
      ...byRow(
        (i) => chars[i] === 0 || repeat[i] >= DEGENERATE_REPEAT_SHARE,
        (i) => chars[i] >= 0,
      ),
      message: (judged) =>
        `${percent(judged.value)} of final answers are empty or repeat themselves at epoch ${judged.epoch_id} ` +
        `(baseline ${percent(judged.baseline ?? 0)})`,
    });
  },
};
