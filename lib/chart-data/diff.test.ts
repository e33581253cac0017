import { describe, expect, it } from 'vitest';
import type { Diff, DirectionChanges } from '../analysis/stats/diff';
import { diffHref } from '../params/hrefs';
import {
  changeTables,
  diffHeadline,
  diffVerdict,
  epochPairs,
  flippedRows,
  MAX_LINKED_QUESTIONS,
  sideLabel,
  sideTrajectoriesHref,
  swappedDiffHref,
} from './diff';

const figures = (
  trajectories: number,
  extra: Partial<DirectionChanges['a']> = {},
): DirectionChanges['a'] => ({
  trajectories,
  success_rate: trajectories ? 0.5 : null,
  mean_tool_calls: trajectories ? 2 : null,
  mean_steps: trajectories ? 3 : null,
  mean_response_tokens: null,
  termination: trajectories ? { success: trajectories } : {},
  ...extra,
});

const none: DirectionChanges = {
  questions: 0,
  a: figures(0),
  b: figures(0),
  tools: [],
  tools_added: [],
  tools_dropped: [],
  errors: [],
  errors_distinct: 0,
  errors_appeared: [],
  errors_vanished: [],
};

const changes: DirectionChanges = {
  questions: 2,
  a: figures(8, { mean_tool_calls: 1.5, termination: { max_turns: 5, success: 3 } }),
  b: figures(8, { mean_tool_calls: 3, termination: { success: 8 } }),
  tools: [
    { tool: 'search', calls_a: 0, calls_b: 6, per_trajectory_a: 0, per_trajectory_b: 0.75 },
    { tool: 'python', calls_a: 12, calls_b: 18, per_trajectory_a: 1.5, per_trajectory_b: 2.25 },
    { tool: 'calc', calls_a: 4, calls_b: 0, per_trajectory_a: 0.5, per_trajectory_b: 0 },
  ],
  tools_added: ['search'],
  tools_dropped: ['calc'],
  errors: [{ fingerprint: 'Error: <num> not found', count_a: 3, count_b: 0 }],
  errors_distinct: 4,
  errors_appeared: [],
  errors_vanished: ['Error: <num> not found'],
};

function diffOf(overrides: Partial<Diff> = {}): Diff {
  return {
    a: { training_id: 'run', epoch_id: 4 },
    b: { training_id: 'run', epoch_id: 8 },
    success_threshold: 0,
    solved_rate: 0.5,
    questions: {
      newly_solved: ['q1', 'q2'],
      regressed: [],
      both: 5,
      neither: 3,
      shared: 10,
      only_a: 1,
      only_b: 0,
    },
    mean_rate_a: 0.4,
    mean_rate_b: 0.55,
    mcnemar_p: 0.5,
    delta_success_rate: 0.15,
    delta_ci: { low: 0.05, high: 0.25 },
    changes: {
      newly_solved: changes,
      regressed: none,
      total: 2,
      limit: 50,
      offset: 0,
      flipped: [
        {
          data_id: 'q1',
          direction: 'newly_solved',
          rate_a: 0.25,
          rate_b: 0.75,
          ...changes,
          pair: { solved: 'traj-b', failed: 'traj-a', first_divergent_step: 3 },
        },
        {
          data_id: 'q2',
          direction: 'regressed',
          rate_a: 1,
          rate_b: 0,
          ...none,
          pair: { solved: 'left/1', failed: 'right 2', first_divergent_step: null },
        },
      ],
    },
    ...overrides,
  };
}

const search = (href: string) => new URL(href, 'http://x').searchParams;

describe('diff hrefs', () => {
  it('writes each of the three forms of sides', () => {
    const r = (training_id: string, epoch_id: number) => ({ training_id, epoch_id });
    expect(diffHref(r('run', 4), r('run', 8))).toBe('/diff?training_id=run&epoch_a=4&epoch_b=8');
    expect(diffHref(r('a', 11), r('b', 11))).toBe('/diff?epoch_id=11&training_ids=a,b');
    expect(diffHref(r('a', 3), r('b', 5), { solved_rate: 0.75 })).toBe(
      '/diff?training_ids=a,b&solved_rate=0.75&epoch_a=3&epoch_b=5',
    );
  });

  it("opens a side's trajectories of some questions, every reward, at most a list's worth of questions", () => {
    const ids = Array.from({ length: 150 }, (_, i) => `q${i}`);
    const params = search(
      sideTrajectoriesHref({ training_id: 'run', epoch_id: 8 }, ids, { tools_any: ['x'] }),
    );
    expect(params.get('tab')).toBe('failures');
    expect(params.get('training_id')).toBe('run');
    expect(params.get('epoch_id')).toBe('8');
    expect(params.get('reward_max')).toBe('any');
    expect(params.get('tools_any')).toBe('x');
    expect(params.get('data_id')!.split(',')).toHaveLength(MAX_LINKED_QUESTIONS);
  });
});

describe('diff headline', () => {
  it('reads the interval: above 0 better, below worse, covering 0 within noise', () => {
    expect(diffVerdict(diffOf()).tone).toBe('better');
    expect(diffVerdict(diffOf({ delta_ci: { low: -0.3, high: -0.01 } })).tone).toBe('worse');
    const noise = diffVerdict(diffOf({ delta_ci: { low: -0.05, high: 0.2 }, mcnemar_p: 0.0214 }));
    expect(noise.tone).toBe('unclear');
    expect(noise.text).toContain('Within noise');
    expect(noise.text).toContain('McNemar p 0.021');
    const empty = diffOf({ delta_success_rate: null, delta_ci: null });
    empty.questions = { ...empty.questions, shared: 0 };
    expect(diffVerdict(empty).text).toContain('No question is on both sides');
    // Three shared questions, all newly solved: an interval above 0, but too few questions to call it.
    const few = diffOf({ delta_ci: { low: 1, high: 1 }, mcnemar_p: 0.25 });
    few.questions = { ...few.questions, shared: 3 };
    expect(diffVerdict(few)).toMatchObject({ tone: 'unclear' });
    expect(diffVerdict(few).text).toContain('Too few questions on both sides (3)');
  });

  it('counts the flips, links them to their trajectories on side b, and says what was left out', () => {
    const headline = diffHeadline(diffOf());
    expect([headline.a, headline.b]).toEqual(['epoch 4', 'epoch 8']);
    expect(headline.counts.map((c) => [c.key, c.value])).toEqual([
      ['newly_solved', 2],
      ['regressed', 0],
      ['both', 5],
      ['neither', 3],
    ]);
    expect(search(headline.counts[0].href!).get('data_id')).toBe('q1,q2');
    expect(headline.counts[1].href).toBeNull();
    expect([headline.delta, headline.ci, headline.p]).toEqual(['+15.0 pp', '[+5.0 pp, +25.0 pp]', '0.500']);
    expect(headline.coverage).toBe('10 questions on both sides (left out: 1 only on a, 0 only on b)');
  });

  it('names a side by its run when the runs differ', () => {
    expect(sideLabel({ training_id: 'r1', epoch_id: 2 }, { training_id: 'r2', epoch_id: 2 })).toBe(
      'r1 @ epoch 2',
    );
  });
});

describe('change tables', () => {
  const a = { training_id: 'run', epoch_id: 4 };
  const b = { training_id: 'run', epoch_id: 8 };
  const tables = changeTables(a, b, changes, ['q1', 'q2'], 'newly_solved');

  it('puts each figure of side a beside side b with the way it moved', () => {
    expect(tables.title).toBe('Newly solved questions');
    expect(tables.figures.map((row) => [row.label, row.a, row.b, row.trend])).toEqual([
      ['Trajectories', '8', '8', 'same'],
      ['Success rate', '50.0%', '50.0%', 'same'],
      ['Tool calls per trajectory', '1.50', '3.00', 'up'],
      ['Steps per trajectory', '3.00', '3.00', 'same'],
      ['Response tokens', 'n/a', 'n/a', 'none'],
    ]);
    expect(tables.moreErrors).toBe(3);
  });

  it('marks tools added and dropped and errors vanished, and links only figures with trajectories', () => {
    expect(tables.tools.map((row) => [row.label, row.status, row.trend])).toEqual([
      ['search', 'added', 'up'],
      ['python', undefined, 'up'],
      ['calc', 'dropped', 'down'],
    ]);
    const [added] = tables.tools;
    expect(added.hrefA).toBeNull();
    expect(search(added.hrefB!).get('tools_any')).toBe('search');
    expect(search(added.hrefB!).get('epoch_id')).toBe('8');
    expect(tables.errors[0]).toMatchObject({ status: 'vanished', a: '3', b: '0', hrefB: null });
    expect(search(tables.errors[0].hrefA!).get('signature')).toBe('Error: <num> not found');
    const maxTurns = tables.termination.find((row) => row.label === 'max_turns')!;
    expect([maxTurns.a, maxTurns.b, maxTurns.trend, maxTurns.hrefB]).toEqual(['5', '0', 'down', null]);
    expect(search(maxTurns.hrefA!).get('termination_reason')).toBe('max_turns');
  });
});

describe('flipped rows', () => {
  it('puts side a left in the side-by-side view, opened at the first divergent step', () => {
    const [newly, regressed] = flippedRows(diffOf());
    // Newly solved: the failed trajectory is side a's.
    expect(newly.compareHref).toBe('/trajectories/compare?a=traj-a&b=traj-b&step=3#step-3');
    expect([newly.rates, newly.delta, newly.toolCalls]).toEqual(['25% → 75%', '+50 pp', '1.50 → 3.00']);
    expect([newly.toolsAdded, newly.toolsDropped, newly.errorsVanished]).toEqual([['search'], ['calc'], 1]);
    expect(newly.hrefA).toBe('/groups/run/4/q1');
    expect(newly.hrefB).toBe('/groups/run/8/q1');
    expect(newly.questionHref).toBe('/questions/q1?training_id=run&epoch_id=8');
    // Regressed: the solved trajectory is side a's; no divergent step, so no step in the link.
    expect(regressed.compareHref).toBe('/trajectories/compare?a=left%2F1&b=right%202');
  });

  it('swaps the sides, keeping a solved rate that is not the default', () => {
    expect(swappedDiffHref(diffOf())).toBe('/diff?training_id=run&epoch_a=8&epoch_b=4');
    expect(swappedDiffHref({ ...diffOf(), solved_rate: 0.75 })).toBe(
      '/diff?training_id=run&solved_rate=0.75&epoch_a=8&epoch_b=4',
    );
  });

  it('offers first → last and the one before last → last', () => {
    expect(epochPairs('run', [0, 1, 2, 5]).map((p) => [p.label, p.href])).toEqual([
      ['epoch 0 → 5', '/diff?training_id=run&epoch_a=0&epoch_b=5'],
      ['epoch 2 → 5', '/diff?training_id=run&epoch_a=2&epoch_b=5'],
    ]);
    expect(epochPairs('run', [0, 1]).map((p) => p.label)).toEqual(['epoch 0 → 1']);
    expect(epochPairs('run', [3])).toEqual([]);
  });
});
