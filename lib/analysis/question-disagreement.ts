import { compareDataIds } from './question-cells';
import { floats, ints, strings, type Scan } from './scan/scan';

/**
 * The questions on which two runs disagree most: per question, each run's success rate over the epochs in which both
 * runs have samples of it, ordered by the absolute difference, largest first.
 */

export interface QuestionDisagreementRow {
  data_id: string;
  shared_epochs: number;
  /** Samples and success rates of the first and the second run over the shared epochs. */
  samples: [number, number];
  success_rates: [number, number];
  /** Second run's success rate minus the first's. */
  difference: number;
}

export interface QuestionDisagreement {
  training_ids: [string, string];
  success_threshold: number;
  /** Questions both runs answered in at least one common epoch. */
  total: number;
  limit: number;
  offset: number;
  questions: QuestionDisagreementRow[];
}

export const DISAGREEMENT_COLUMNS = ['training_id', 'epoch_id', 'data_id', 'reward'] as const;

export function computeDisagreements(
  scan: Scan,
  rows: Int32Array,
  runs: readonly [string, string],
  successThreshold: number,
): QuestionDisagreementRow[] {
  const training = strings(scan, 'training_id');
  const epochOf = ints(scan, 'epoch_id');
  const data = strings(scan, 'data_id');
  const reward = floats(scan, 'reward');
  const side = training.values.map((id) => runs.indexOf(id));
  // Per question, per epoch: [n first, c first, n second, c second].
  const counts = new Map<number, Map<number, [number, number, number, number]>>();
  for (const i of rows) {
    const s = side[training.codes[i]];
    if (s < 0) continue;
    let question = counts.get(data.codes[i]);
    if (!question) counts.set(data.codes[i], (question = new Map()));
    let cell = question.get(epochOf[i]);
    if (!cell) question.set(epochOf[i], (cell = [0, 0, 0, 0]));
    cell[2 * s]++;
    if (reward[i] > successThreshold) cell[2 * s + 1]++;
  }
  const out: QuestionDisagreementRow[] = [];
  for (const [code, epochs] of counts) {
    let shared = 0;
    const total = [0, 0, 0, 0];
    for (const cell of epochs.values()) {
      if (cell[0] === 0 || cell[2] === 0) continue;
      shared++;
      for (let j = 0; j < 4; j++) total[j] += cell[j];
    }
    if (shared === 0) continue;
    const rates: [number, number] = [total[1] / total[0], total[3] / total[2]];
    out.push({
      data_id: data.values[code],
      shared_epochs: shared,
      samples: [total[0], total[2]],
      success_rates: rates,
      difference: rates[1] - rates[0],
    });
  }
  return out.sort(
    (a, b) => Math.abs(b.difference) - Math.abs(a.difference) || compareDataIds(a.data_id, b.data_id),
  );
}
