import { describe, expect, it } from 'vitest';
import type { EpochTransitions } from '@/lib/analysis/stats/question-learning';
import type { QuestionRun } from '@/lib/analysis/stats/question-across-runs';
import {
  cellTitle,
  nextQuestionSort,
  questionSortDirection,
  persistenceSeries,
  questionCurveSeries,
  rateStep,
  RATE_STEPS,
  transitionSeries,
} from './questions';

const transitions: EpochTransitions[] = [
  {
    epoch_id: 0,
    questions: 4,
    solved: 2,
    newly_solved: null,
    regressed: null,
    always_solved: 2,
    never_solved: 2,
  },
  { epoch_id: 1, questions: 4, solved: 2, newly_solved: 1, regressed: 1, always_solved: 1, never_solved: 1 },
];

describe('rate colour scale', () => {
  it('puts each rate in its fifth, 1 in the top step', () => {
    expect(rateStep(0).label).toBe('0–20%');
    expect(rateStep(0.2).label).toBe('20–40%');
    expect(rateStep(0.5).label).toBe('40–60%');
    expect(rateStep(0.79).label).toBe('60–80%');
    expect(rateStep(1).label).toBe('80–100%');
    expect(RATE_STEPS.map((s) => s.step)).toEqual([0, 1, 2, 3, 4]);
    expect(rateStep(0.6).step).toBe(3);
  });
});

describe('transition charts', () => {
  it('draws newly solved and regressed per epoch with a gap in the first epoch', () => {
    expect(transitionSeries(transitions).rows).toEqual([
      { epoch: 0, 'Newly solved': null, Regressed: null },
      { epoch: 1, 'Newly solved': 1, Regressed: 1 },
    ]);
  });

  it('draws always and never solved so far', () => {
    expect(persistenceSeries(transitions).rows).toEqual([
      { epoch: 0, 'Always solved so far': 2, 'Never solved so far': 2 },
      { epoch: 1, 'Always solved so far': 1, 'Never solved so far': 1 },
    ]);
  });
});

describe('question curve across runs', () => {
  const run = (training_id: string, curve: [number, number][]): QuestionRun => ({
    training_id,
    epoch_id: null,
    samples: 0,
    successes: 0,
    success_rate: null,
    avg_reward: null,
    rewards: [],
    curve: curve.map(([epoch_id, success_rate]) => ({
      epoch_id,
      samples: 4,
      successes: 4 * success_rate,
      success_rate,
    })),
  });

  it('aligns runs on epochs, a missing epoch is a gap', () => {
    const series = questionCurveSeries([
      run('a', [
        [0, 0.25],
        [2, 1],
      ]),
      run('b', [[1, 0.5]]),
    ]);
    expect(series.categories).toEqual(['a', 'b']);
    expect(series.rows).toEqual([
      { epoch: 0, a: 0.25, b: null },
      { epoch: 1, a: null, b: 0.5 },
      { epoch: 2, a: 1, b: null },
    ]);
  });
});

describe('grid sorting and cells', () => {
  it('sorts a column ascending first, then flips it; data_id has one direction', () => {
    expect(nextQuestionSort('data_id', 'difficulty')).toBe('difficulty');
    expect(nextQuestionSort('difficulty', 'difficulty')).toBe('-difficulty');
    expect(nextQuestionSort('-difficulty', 'difficulty')).toBe('difficulty');
    expect(nextQuestionSort('-flips', 'data_id')).toBe('data_id');
    expect(questionSortDirection('-flips', 'flips')).toBe('descending');
    expect(questionSortDirection('flips', 'flips')).toBe('ascending');
    expect(questionSortDirection('flips', 'difficulty')).toBe('none');
  });

  it('describes a cell in words', () => {
    expect(cellTitle(3, { samples: 8, successes: 6, success_rate: 0.75, solved: true })).toBe(
      'epoch 3: 6 of 8 samples succeeded (75.0%), solved',
    );
    expect(cellTitle(4, null)).toBe('epoch 4: no samples');
  });
});
