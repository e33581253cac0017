import { describe, expect, it } from 'vitest';
import {
  chartNames,
  compareAllBaseline,
  compareAllLink,
  comparedRunRows,
  comparisonMetricBars,
  comparisonOverlay,
  comparisonRewardSeries,
  comparisonTerminationSeries,
  freeKey,
  latestPassAt1,
  MAX_LINK_CHARS,
  pairedVerdict,
  pickRunCategories,
  pickRunRows,
  rankRuns,
  rewardIntervals,
  rewardNoise,
  runLegend,
  shownColors,
  shownRuns,
  sortRuns,
} from './comparison';
import { comparedTraining, comparison, paired } from './test-fixtures';
import { runColors } from './colors';

const epoch = (
  epoch_id: number,
  pass_at_1: number | null,
  avg_reward: number | null = 0.5,
  avg_reward_ci: { low: number; high: number } | null = null,
) => ({
  epoch_id,
  trajectory_count: 4,
  avg_reward,
  avg_reward_ci,
  pass_at_1,
  pass_at_k: null,
});

describe('comparisonOverlay', () => {
  it('takes the union of epochs, sorted numerically, with null where a run has no such epoch', () => {
    const series = comparisonOverlay(
      comparison([
        comparedTraining('a', { epochs: [epoch(1, 0.1), epoch(10, 0.3)] }),
        comparedTraining('b', { epochs: [epoch(2, 0.2), epoch(10, null)] }),
      ]),
      'pass_at_1',
    );
    expect(series.categories).toEqual(['a', 'b']);
    // Each run its own colour (by name), as on every page.
    expect(series.colors).toEqual(runColors(['a', 'b']));
    expect(series.rows).toEqual([
      { epoch: 1, a: 0.1, b: null },
      { epoch: 2, a: null, b: 0.2 },
      { epoch: 10, a: 0.3, b: null },
    ]);
  });
  it('never lets a run called "epoch" clash with the x axis', () => {
    const series = comparisonOverlay(
      comparison([comparedTraining('epoch', { epochs: [epoch(0, 0.5)] })]),
      'avg_reward',
    );
    expect(series.index).toBe('epoch_');
    expect(series.rows).toEqual([{ epoch_: 0, epoch: 0.5 }]);
    expect(freeKey('x', ['x', 'x_'])).toBe('x__');
  });
  it('handles runs without epochs', () => {
    expect(comparisonOverlay(comparison([comparedTraining('a')]), 'pass_at_1').rows).toEqual([]);
  });
});

describe('comparisonMetricBars', () => {
  it('puts pass@1 and pass@k side by side per run and average reward apart', () => {
    const { pass, reward } = comparisonMetricBars(
      comparison([
        comparedTraining('a', { pass_at_1: 0.4, pass_at_k: 0.7, avg_reward: 0.4 }),
        comparedTraining('b', { pass_at_1: 0.5, pass_at_k: null, avg_reward: null }),
      ]),
    );
    expect(pass.rows).toEqual([
      { metric: 'Pass@1', a: 0.4, b: 0.5 },
      { metric: 'Pass@4', a: 0.7, b: null },
    ]);
    expect(reward.rows).toEqual([{ metric: 'Avg reward', a: 0.4, b: null }]);
  });
});

describe('comparisonTerminationSeries', () => {
  it('gives each run its shares over the reasons of all runs', () => {
    const series = comparisonTerminationSeries(
      comparison([
        comparedTraining('a', {
          termination_stats: { success: { count: 3, ratio: 0.75 }, timeout: { count: 1, ratio: 0.25 } },
        }),
        comparedTraining('b', { termination_stats: { error: { count: 2, ratio: 1 } } }),
      ]),
    );
    expect(series.categories).toEqual(['success', 'error', 'timeout']);
    expect(series.rows).toEqual([
      { run: 'a', success: 0.75, error: 0, timeout: 0.25 },
      { run: 'b', success: 0, error: 1, timeout: 0 },
    ]);
  });
  it('gives a run without trajectories gaps, not zeros', () => {
    const series = comparisonTerminationSeries(
      comparison([
        comparedTraining('a', { termination_stats: { success: { count: 1, ratio: 1 } } }),
        comparedTraining('b'),
      ]),
    );
    expect(series.rows[1]).toEqual({ run: 'b', success: null });
  });
});

describe('comparisonRewardSeries', () => {
  it('gives reward bucket shares per run', () => {
    const series = comparisonRewardSeries(
      comparison([
        comparedTraining('a', {
          reward_distribution: {
            perfect_score: { count: 1, ratio: 0.25 },
            partial_success: { count: 1, ratio: 0.25 },
            complete_failure: { count: 2, ratio: 0.5 },
          },
        }),
        comparedTraining('b'),
      ]),
    );
    expect(series.rows).toEqual([
      { run: 'a', Perfect: 0.25, Partial: 0.25, Failure: 0.5 },
      { run: 'b', Perfect: null, Partial: null, Failure: null },
    ]);
  });
});

describe('pairedVerdict', () => {
  it('calls a run better or worse only when the CI excludes 0', () => {
    expect(pairedVerdict(paired({ delta_ci: { low: 0.01, high: 0.2 } }))).toEqual({
      tone: 'better',
      text: 'better (CI excludes 0)',
    });
    expect(pairedVerdict(paired({ delta_pass_at_1: -0.1, delta_ci: { low: -0.2, high: -0.01 } })).tone).toBe(
      'worse',
    );
    expect(pairedVerdict(paired({ delta_ci: { low: -0.01, high: 0.2 } }))).toEqual({
      tone: 'unclear',
      text: 'no clear difference',
    });
  });
  it('says from which epoch on the difference holds in every epoch', () => {
    expect(pairedVerdict(paired({ delta_ci: { low: 0.01, high: 0.2 }, better_from_epoch: 3 })).text).toBe(
      'better (CI excludes 0), from epoch 3 on',
    );
    expect(
      pairedVerdict(
        paired({ delta_pass_at_1: -0.1, delta_ci: { low: -0.2, high: -0.01 }, worse_from_epoch: 6 }),
      ).text,
    ).toBe('worse (CI excludes 0), from epoch 6 on');
  });
  it('does not judge on fewer than 10 shared questions, however narrow the interval', () => {
    // One shared question solved only by this run: a zero-width interval at +1.
    const one = paired({ common_questions: 1, delta_pass_at_1: 1, delta_ci: { low: 1, high: 1 } });
    expect(pairedVerdict(one)).toEqual({ tone: 'unclear', text: 'too few shared questions (1) to judge' });
    const nine = paired({ common_questions: 9, delta_pass_at_1: 0.5, delta_ci: { low: 0.2, high: 0.8 } });
    expect(pairedVerdict(nine).tone).toBe('unclear');
    const ten = paired({ common_questions: 10, delta_pass_at_1: 0.5, delta_ci: { low: 0.2, high: 0.8 } });
    expect(pairedVerdict(ten).tone).toBe('better');
  });
  it('says so when the runs share no questions', () => {
    expect(pairedVerdict(paired({ common_questions: 0, delta_pass_at_1: null, delta_ci: null })).text).toBe(
      'no shared questions to compare',
    );
  });
});

// Five runs: their latest epoch's pass@1 (where each stands now) decides, then pass@1 over all epochs.
const five = comparison(
  [
    comparedTraining('base', { pass_at_1: 0.5, epochs: [epoch(0, 0.5), epoch(1, 0.5)] }),
    comparedTraining('late-bloomer', { pass_at_1: 0.4, epochs: [epoch(0, 0.1), epoch(1, 0.7)] }),
    comparedTraining('early-peak', { pass_at_1: 0.6, epochs: [epoch(0, 0.9), epoch(1, 0.3)] }),
    // Its last epoch has no pass@1: epoch 0 is its latest.
    comparedTraining('gap', { pass_at_1: 0.7, epochs: [epoch(0, 0.5), epoch(1, null)] }),
    comparedTraining('empty', { pass_at_1: null, epochs: [] }),
  ],
  [
    paired({ training_id: 'late-bloomer', baseline: 'base', delta_pass_at_1: -0.1 }),
    paired({ training_id: 'early-peak', baseline: 'base', delta_pass_at_1: 0.1 }),
    paired({ training_id: 'gap', baseline: 'base', delta_pass_at_1: 0.2 }),
    paired({ training_id: 'empty', baseline: 'base', delta_pass_at_1: null, common_questions: 0 }),
  ],
);

describe('ranking the runs', () => {
  it("reads each run's latest epoch that has a pass@1", () => {
    expect(latestPassAt1(five.trainings[1])).toEqual({ epoch: 1, value: 0.7 });
    expect(latestPassAt1(five.trainings[3])).toEqual({ epoch: 0, value: 0.5 });
    expect(latestPassAt1(five.trainings[4])).toBeNull();
  });

  it('puts the best latest pass@1 first, ties by overall pass@1, runs without one last', () => {
    // late-bloomer 0.7; gap 0.5 (overall 0.7) before base 0.5 (overall 0.5); early-peak 0.3; empty none
    expect(rankRuns(five)).toEqual(['late-bloomer', 'gap', 'base', 'early-peak', 'empty']);
  });

  it('gives the table a row per run in the comparison order, the baseline without a difference', () => {
    const rows = comparedRunRows(five);
    expect(rows.map((r) => [r.id, r.order, r.rank, r.latestEpoch, r.latestPassAt1])).toEqual([
      ['base', 0, 2, 1, 0.5],
      ['late-bloomer', 1, 0, 1, 0.7],
      ['early-peak', 2, 3, 1, 0.3],
      ['gap', 3, 1, 0, 0.5],
      ['empty', 4, 4, null, null],
    ]);
    expect(rows[0].paired).toBeNull();
    expect(rows[0].verdict).toBeNull();
    expect(rows[3].paired).toMatchObject({ training_id: 'gap', delta_pass_at_1: 0.2 });
    expect(rows[3].paired).not.toHaveProperty('per_epoch');
    expect(rows[4].verdict?.text).toBe('no shared questions to compare');
  });

  it('sorts the table by any column, missing figures last, ties best first', () => {
    const rows = comparedRunRows(five);
    expect(sortRuns(rows, 'rank', 'asc').map((r) => r.id)).toEqual(rankRuns(five));
    expect(sortRuns(rows, 'passAt1', 'desc').map((r) => r.id)).toEqual([
      'gap',
      'early-peak',
      'base',
      'late-bloomer',
      'empty',
    ]);
    expect(sortRuns(rows, 'passAt1', 'asc').map((r) => r.id)).toEqual([
      'late-bloomer',
      'base',
      'early-peak',
      'gap',
      'empty',
    ]);
    // The baseline counts as 0 against itself; the run without shared questions last.
    expect(sortRuns(rows, 'delta', 'desc').map((r) => r.id)).toEqual([
      'gap',
      'early-peak',
      'base',
      'late-bloomer',
      'empty',
    ]);
    expect(sortRuns(rows, 'id', 'asc').map((r) => r.id)).toEqual([
      'base',
      'early-peak',
      'empty',
      'gap',
      'late-bloomer',
    ]);
  });
});

describe('the runs on the charts', () => {
  const ranking = Array.from({ length: 40 }, (_, i) => `run-${i}`);

  it('are the best five when the URL names none, or none that is compared', () => {
    expect(shownRuns(ranking, null)).toEqual({ ids: ranking.slice(0, 5), chosen: false });
    expect(shownRuns(ranking, ['gone'])).toEqual({ ids: ranking.slice(0, 5), chosen: false });
    expect(shownRuns(ranking.slice(0, 3), [])).toEqual({ ids: ranking.slice(0, 3), chosen: false });
  });

  it('are the chosen ones that are compared, in the order chosen, without repeats, at most 12', () => {
    expect(shownRuns(ranking, ['run-9', 'gone', 'run-2', 'run-9'])).toEqual({
      ids: ['run-9', 'run-2'],
      chosen: true,
    });
    expect(shownRuns(ranking, ranking).ids).toEqual(ranking.slice(0, 12));
  });

  it('keep the colours runs have on every page, all different', () => {
    const ids = ranking.slice(0, 12);
    const colors = shownColors(ids);
    expect([...colors.values()]).toEqual(runColors(ids));
    expect(new Set(colors.values()).size).toBe(12);
  });

  it('cut a chart of every run down to the drawn ones, by short names, in their order and colours', () => {
    const long = 'tau2-384954369-airline-grok-3';
    const all = comparison([
      comparedTraining('a', { epochs: [epoch(0, 0.1)] }),
      comparedTraining(long, { epochs: [epoch(0, 0.2)] }),
      comparedTraining('c', { epochs: [epoch(0, 0.3)] }),
    ]);
    const names = chartNames([long, 'a'], 16);
    expect(names.get(long)).toBe('tau2-3…ne-grok-3');
    // What all drawn runs share is left out: "tau2-"
    expect(chartNames([long, 'tau2-384954370-retail-gpt-4.1'], 16)).toEqual(
      new Map([
        [long, '384954…ne-grok-3'],
        ['tau2-384954370-retail-gpt-4.1', '384954…l-gpt-4.1'],
      ]),
    );
    const colors = shownColors([long, 'a']);
    const picked = pickRunCategories(comparisonOverlay(all, 'pass_at_1'), [long, 'a', 'gone'], colors, names);
    expect(picked).toEqual({
      index: 'epoch',
      categories: ['tau2-3…ne-grok-3', 'a'],
      colors: [colors.get(long), colors.get('a')],
      rows: [{ epoch: 0, 'tau2-3…ne-grok-3': 0.2, a: 0.1 }],
    });
    const rows = pickRunRows(comparisonRewardSeries(all), ['c', long], names);
    expect(rows.rows.map((r) => r.run)).toEqual(['c', 'tau2-3…ne-grok-3']);
  });

  it('give a legend of the drawn runs a chart has, named whole but for the start they share', () => {
    const ids = [
      'tau2-airline_tighter_policy-xai/grok-4-2025-10-08T10:02:48.882327',
      'tau2-airline_tighter_policy-xai/grok-4-2025-10-08T10:14:05.761553',
      'tau2-airline-xai/grok-3-2025-10-05T07:42:54.688244',
    ];
    const all = comparison([
      comparedTraining(ids[0], { epochs: [epoch(0, 1)] }),
      comparedTraining(ids[2], { epochs: [epoch(0, 1)] }),
    ]);
    const colors = shownColors(ids);
    expect(runLegend(comparisonOverlay(all, 'pass_at_1'), ids, colors)).toEqual([
      { id: ids[0], label: ids[0].slice(5), color: colors.get(ids[0]) },
      { id: ids[2], label: 'airline-xai/grok-3-2025-10-05T07:42:54.688244', color: colors.get(ids[2]) },
    ]);
  });

  it('name tau2 runs by their domain, model and time, not by fractions of a second', () => {
    const ids = [
      'tau2-airline_tighter_policy-xai/grok-4-2025-10-08T09:44:40.088205',
      'tau2-airline-xai/grok-3-2025-10-05T07:42:54.688244',
    ];
    // Without "tau2-" and ".088205": 53 and 42 characters; 44 kept, 17 from the start and 26 from the end.
    expect([...chartNames(ids).values()]).toEqual([
      'airline_tighter_p…grok-4-2025-10-08T09:44:40',
      'airline-xai/grok-3-2025-10-05T07:42:54',
    ]);
  });
});

describe('rewardNoise', () => {
  const ci = (low: number, high: number) => ({ low, high });
  const runs = comparison([
    comparedTraining('a', {
      epochs: [epoch(0, 0.5, 0.5612, ci(0.5, 0.62)), epoch(1, 0.5, 0.6, ci(0.55, 0.65))],
    }),
    comparedTraining('b', {
      epochs: [epoch(0, 0.5, 0.5616, ci(0.52, 0.6)), epoch(1, 0.5, 0.7, ci(0.66, 0.74))],
    }),
    comparedTraining('c', { epochs: [epoch(0, 0.5, 0.56, ci(0.54, 0.58))] }),
  ]);
  const intervals = rewardIntervals(runs);

  it("takes the drawn runs' mean interval width as the least span", () => {
    // a: 0.12, 0.10; c: 0.04 → 0.26 / 3
    expect(rewardNoise(intervals, ['a', 'c'])!.minSpan).toBeCloseTo(0.26 / 3, 12);
  });

  it('is within noise only when the intervals overlap in every epoch two drawn runs share', () => {
    // epoch 0: [0.5, 0.62] and [0.54, 0.58] overlap; c has no epoch 1
    expect(rewardNoise(intervals, ['a', 'c'])!.withinNoise).toBe(true);
    // epoch 1: [0.55, 0.65] and [0.66, 0.74] do not
    expect(rewardNoise(intervals, ['a', 'b'])!.withinNoise).toBe(false);
    // one run alone shares no epoch with another
    expect(rewardNoise(intervals, ['a'])!.withinNoise).toBe(false);
  });

  it('is null when no drawn run has an interval', () => {
    expect(
      rewardNoise(rewardIntervals(comparison([comparedTraining('x', { epochs: [epoch(0, 0.1)] })])), ['x']),
    ).toBeNull();
  });
});

describe('compareAllBaseline', () => {
  it("is the most recent run of the dataset most runs have, not the store's first run", () => {
    // Most recent first: one tau-bench run, then three tau2 airline runs and one tau2 telecom run.
    const recent = [
      { id: 'tau-bench-gpt-4o', dataset: 'tau-bench/airline' },
      { id: 'tau2-airline-grok-4', dataset: 'tau2/airline' },
      { id: 'tau2-telecom-grok-4', dataset: 'tau2/telecom' },
      { id: 'tau2-airline-grok-3', dataset: 'tau2/airline' },
      { id: 'tau2-airline-grok-3-mini', dataset: 'tau2/airline' },
    ];
    expect(compareAllBaseline(recent)).toBe('tau2-airline-grok-4');
  });

  it('breaks a tie by activity, counts runs without a dataset as one group, and is null without runs', () => {
    expect(
      compareAllBaseline([
        { id: 'b1', dataset: 'b' },
        { id: 'a1', dataset: 'a' },
        { id: 'a2', dataset: 'a' },
        { id: 'b2', dataset: 'b' },
      ]),
    ).toBe('b1');
    expect(
      compareAllBaseline([
        { id: 'x', dataset: 'x' },
        { id: 'n1', dataset: null },
        { id: 'n2', dataset: null },
      ]),
    ).toBe('n1');
    expect(compareAllBaseline([])).toBeNull();
  });
});

describe('compareAllLink', () => {
  const hrefOf = (ids: readonly string[]) => `/c?ids=${ids.join(',')}`;

  it('compares every run in the store order when they fit', () => {
    expect(compareAllLink(['a', 'b', 'c'], ['c', 'a', 'b'], 100, hrefOf)).toEqual({
      ids: ['a', 'b', 'c'],
      href: '/c?ids=a,b,c',
      all: true,
    });
  });

  it('keeps the most recent `max` runs, still in the store order, past the most the comparison takes', () => {
    const ids = Array.from({ length: 143 }, (_, i) => `r${i}`);
    // the most recent first: r142, r141, …
    const link = compareAllLink(ids, [...ids].reverse(), 100, hrefOf);
    expect(link.all).toBe(false);
    expect(link.ids).toEqual(ids.slice(43));
  });

  it('puts the baseline first when it is among the runs kept', () => {
    expect(compareAllLink(['a', 'b', 'c'], ['c', 'a', 'b'], 100, hrefOf, 'c').ids).toEqual(['c', 'a', 'b']);
    // Past `max`, a baseline that is not kept is not added.
    expect(compareAllLink(['a', 'b', 'c'], ['c', 'b', 'a'], 2, hrefOf, 'a').ids).toEqual(['b', 'c']);
  });

  it('drops the oldest runs until the href fits a request line', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `${String(i).padStart(3, '0')}${'x'.repeat(197)}`);
    const link = compareAllLink(ids, ids, 100, hrefOf);
    // each id adds 201 characters to the 7 of "/c?ids=": 39 of them make 7,845 ≤ 8,000, 40 make 8,046
    expect(link.ids).toEqual(ids.slice(0, 39));
    expect(link.href.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(link.all).toBe(false);
  });
});
