import { describe, expect, it } from 'vitest';
import type { EpochTransitions } from '@/lib/analysis/question-learning';
import type { QuestionRun } from '@/lib/analysis/question-across-runs';
import {
  disagreementHref,
  groupHref,
  persistenceSeries,
  questionCurveSeries,
  questionRunsHref,
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
    expect(RATE_STEPS).toHaveLength(5);
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

describe('question links', () => {
  it('encodes training and question ids in the group path', () => {
    expect(groupHref('ppo lr/3', 4, 'q?1')).toBe('/groups/ppo%20lr%2F3/4/q%3F1');
  });

  it('names the runs and the epoch only when given', () => {
    expect(questionRunsHref('q1')).toBe('/questions/q1');
    expect(questionRunsHref('a:1', ['x', 'y'], 3)).toBe('/questions/a%3A1?training_id=x%2Cy&epoch_id=3');
    expect(disagreementHref('x', 'y')).toBe('/questions?training_ids=x%2Cy');
  });
});
