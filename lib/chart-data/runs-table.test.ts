import { describe, expect, it } from 'vitest';
import type { TrainingSummary } from '../analysis/stats/training-list';
import { RUN_GROUPS, RUN_SORTS } from '../params/table';
import {
  ariaSort,
  groupChoices,
  groupRuns,
  healthScore,
  matchesRunSearch,
  namePart,
  questionSet,
  nextRunSort,
  runRow,
  runsTableView,
  sortRuns,
  type RunRow,
} from './runs-table';

const TAU = 'tau2-384954369-airline-xai/grok-3-2025-10-05T22:50:14';

function row(id: string, patch: Partial<RunRow> = {}): RunRow {
  return {
    id,
    agent: null,
    dataset: null,
    trajectories: 100,
    epochRange: [0, 1],
    epochCount: 2,
    startedAt: 1000,
    updatedAt: 2000,
    trend: [],
    latest: null,
    change: null,
    direction: 'none',
    health: null,
    ...patch,
  };
}

const ids = (rows: readonly RunRow[]) => rows.map((r) => r.id);

describe('namePart', () => {
  it('cuts a run name at every "-", "/" and "_", counting pieces from 1', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => namePart(TAU, n))).toEqual([
      'tau2',
      '384954369',
      'airline',
      'xai',
      'grok',
      '3',
      '2025',
    ]);
    expect(namePart('ppo_lr3e-6/seed_2', 3)).toBe('6');
  });

  it('skips empty pieces and is null past the last piece', () => {
    expect(namePart('a--b//c__d', 4)).toBe('d');
    expect(namePart('-lead', 1)).toBe('lead');
    expect(namePart('short', 2)).toBeNull();
    expect(() => namePart('x', 0)).toThrow(RangeError);
  });
});

describe('matchesRunSearch', () => {
  const run = { id: TAU, agent: 'xai/grok-3', dataset: 'tau2/airline' };

  it('keeps a run whose name, agent or dataset holds every word, in any case', () => {
    expect(matchesRunSearch(run, 'AIRLINE')).toBe(true);
    expect(matchesRunSearch(run, 'airline grok')).toBe(true);
    expect(matchesRunSearch(run, '  grok   22:50 ')).toBe(true);
    expect(matchesRunSearch({ id: 'ppo-1', agent: 'claude', dataset: null }, 'claude')).toBe(true);
    expect(matchesRunSearch({ id: 'ppo-1', agent: null, dataset: 'swe-bench' }, 'bench')).toBe(true);
  });

  it('drops a run missing one word, and never matches a word across two fields', () => {
    expect(matchesRunSearch(run, 'airline retail')).toBe(false);
    // name ends "…22:50:14", agent starts "xai": "14xai" spans the two.
    expect(matchesRunSearch(run, '14xai')).toBe(false);
  });

  it('keeps every run for an empty or blank search', () => {
    expect(matchesRunSearch(run, null)).toBe(true);
    expect(matchesRunSearch(run, '   ')).toBe(true);
  });
});

describe('sortRuns', () => {
  const rows = [
    row('seed-10', {
      trajectories: 5,
      latest: { epoch: 1, passAt1: 0.5, ci: null, reward: 0.1 },
      change: 0.2,
    }),
    row('seed-2', {
      trajectories: 50,
      latest: { epoch: 1, passAt1: 0.8, ci: null, reward: 0.9 },
      change: -0.1,
    }),
    row('Seed-3', { trajectories: 50, latest: null, change: null, updatedAt: null }),
    row('seed-1', { trajectories: 7, latest: { epoch: 1, passAt1: 0.5, ci: null, reward: null }, change: 0 }),
  ];

  it('sorts names as people number them, ignoring case', () => {
    expect(ids(sortRuns(rows, 'name'))).toEqual(['seed-1', 'seed-2', 'Seed-3', 'seed-10']);
    expect(ids(sortRuns(rows, '-name'))).toEqual(['seed-10', 'Seed-3', 'seed-2', 'seed-1']);
  });

  it('sorts a figure both ways, runs without it last either way, ties by name', () => {
    expect(ids(sortRuns(rows, '-pass'))).toEqual(['seed-2', 'seed-1', 'seed-10', 'Seed-3']);
    expect(ids(sortRuns(rows, 'pass'))).toEqual(['seed-1', 'seed-10', 'seed-2', 'Seed-3']);
    expect(ids(sortRuns(rows, '-change'))).toEqual(['seed-10', 'seed-1', 'seed-2', 'Seed-3']);
    expect(ids(sortRuns(rows, 'reward'))).toEqual(['seed-10', 'seed-2', 'seed-1', 'Seed-3']);
    expect(ids(sortRuns(rows, '-trajectories'))).toEqual(['seed-2', 'Seed-3', 'seed-1', 'seed-10']);
    expect(ids(sortRuns(rows, 'updated')).at(-1)).toBe('Seed-3');
    expect(ids(sortRuns(rows, '-updated')).at(-1)).toBe('Seed-3');
  });

  it('sorts epochs by how many, then by the last one', () => {
    const epochs = [
      row('a', { epochCount: 3, epochRange: [0, 2] }),
      row('b', { epochCount: 3, epochRange: [5, 7] }),
      row('c', { epochCount: 10, epochRange: [0, 9] }),
    ];
    expect(ids(sortRuns(epochs, '-epochs'))).toEqual(['c', 'b', 'a']);
  });

  it('sorts health worst first: critical above warning, more alerts above fewer, unknown last', () => {
    const runs = [
      row('ok', { health: healthScore('ok', 0) }),
      row('warn-3', { health: healthScore('warning', 3) }),
      row('crit-1', { health: healthScore('critical', 1) }),
      row('unknown', { health: healthScore('unknown', 0) }),
      row('crit-2', { health: healthScore('critical', 2) }),
    ];
    expect(ids(sortRuns(runs, '-health'))).toEqual(['crit-2', 'crit-1', 'warn-3', 'ok', 'unknown']);
    expect(ids(sortRuns(runs, 'health'))).toEqual(['ok', 'warn-3', 'crit-1', 'crit-2', 'unknown']);
  });

  it('sorts by every sort the URL may hold', () => {
    for (const sort of RUN_SORTS) expect(sortRuns(rows, sort)).toHaveLength(rows.length);
  });
});

describe('header clicks and aria-sort', () => {
  it('sorts a new column names A→Z and figures largest first, then flips', () => {
    expect(nextRunSort('-updated', 'name')).toBe('name');
    expect(nextRunSort('name', 'name')).toBe('-name');
    expect(nextRunSort('-name', 'name')).toBe('name');
    expect(nextRunSort('-updated', 'pass')).toBe('-pass');
    expect(nextRunSort('-pass', 'pass')).toBe('pass');
    expect(nextRunSort('pass', 'reward')).toBe('-reward');
  });

  it('says the order of the sorted column and none of the others', () => {
    expect(ariaSort('-pass', 'pass')).toBe('descending');
    expect(ariaSort('pass', 'pass')).toBe('ascending');
    expect(ariaSort('pass', 'name')).toBe('none');
  });
});

describe('groupRuns', () => {
  const rows = [
    row('tau2-1-retail-gpt', { agent: 'gpt', direction: 'up' }),
    row('tau2-1-airline-grok', { agent: 'grok', direction: 'down' }),
    row('tau2-1-airline-gpt', { agent: 'gpt', direction: 'up' }),
    row('plain', { agent: null }),
  ];

  it('groups by a name part, groups in name order, rows keeping their order, runs without the part last', () => {
    const groups = groupRuns(rows, 'part3');
    expect(groups.map((g) => [g.label, ids(g.rows), g.up, g.down])).toEqual([
      ['airline', ['tau2-1-airline-grok', 'tau2-1-airline-gpt'], 1, 1],
      ['retail', ['tau2-1-retail-gpt'], 1, 0],
      ['no part 3', ['plain'], 0, 0],
    ]);
    expect(groups.at(-1)!.key).toBeNull();
  });

  it('groups by agent and by dataset', () => {
    expect(groupRuns(rows, 'agent').map((g) => [g.label, g.rows.length])).toEqual([
      ['gpt', 2],
      ['grok', 1],
      ['no agent', 1],
    ]);
    expect(groupRuns(rows, 'dataset').map((g) => g.label)).toEqual(['no dataset']);
  });

  it('is one group of every row without a grouping', () => {
    expect(groupRuns(rows, null).map((g) => ids(g.rows))).toEqual([ids(rows)]);
  });

  it('accepts every grouping the URL may hold', () => {
    for (const group of RUN_GROUPS)
      expect(groupRuns(rows, group).flatMap((g) => g.rows)).toHaveLength(rows.length);
  });
});

describe('groupChoices', () => {
  it('offers agent, dataset and each name part with a few of its values', () => {
    const choices = groupChoices([
      'tau2-1-airline-gpt',
      'tau2-1-retail-grok',
      'tau2-2-telecom-claude',
      'tau2-2-mock-gpt_x',
    ]);
    expect(choices.map((c) => c.value)).toEqual([
      'agent',
      'dataset',
      'part1',
      'part2',
      'part3',
      'part4',
      'part5',
    ]);
    expect(choices.map((c) => c.label)).toEqual([
      'Agent',
      'Dataset',
      'Name part 1 (tau2)',
      'Name part 2 (1, 2)',
      'Name part 3 (airline, retail, telecom, …)',
      'Name part 4 (gpt, grok, claude)',
      'Name part 5 (x)',
    ]);
  });
});

describe('runRow', () => {
  const training: TrainingSummary = {
    training_id: 'run',
    trajectory_count: 64,
    epoch_range: [0, 3],
    epoch_count: 4,
    agent_name: 'grok',
    created_at: 100,
    date_range: [100, 900],
  };

  it('takes the latest epoch with its interval and the change since the first, told from noise', () => {
    const built = runRow(training, {
      dataset: 'tau2/airline',
      epochs: [
        { epoch: 0, passAt1: 0.5, reward: 0.4, trajectories: 16 },
        { epoch: 3, passAt1: 0.2, reward: 0.1, trajectories: 16 },
      ],
      first: { epoch: 0, value: 0.5, ci: { low: 0.45, high: 0.55 } },
      latest: { epoch: 3, value: 0.2, ci: { low: 0.15, high: 0.25 }, reward: 0.1 },
    });
    expect(built).toMatchObject({
      id: 'run',
      agent: 'grok',
      dataset: 'tau2/airline',
      startedAt: 100,
      updatedAt: 900,
      latest: { epoch: 3, passAt1: 0.2, ci: { low: 0.15, high: 0.25 }, reward: 0.1 },
      direction: 'down',
      trend: [
        { epoch: 0, value: 0.5 },
        { epoch: 3, value: 0.2 },
      ],
    });
    expect(built.change).toBeCloseTo(-0.3, 12);
  });

  it('has no figures for an unscored run and no change with one scored epoch', () => {
    expect(runRow(training, undefined)).toMatchObject({
      latest: null,
      change: null,
      direction: 'none',
      trend: [],
    });
    const one = { epoch: 2, value: 0.5, ci: { low: 0.4, high: 0.6 } };
    const single = runRow(training, {
      dataset: null,
      epochs: [{ epoch: 2, passAt1: 0.5, reward: 0.5, trajectories: 8 }],
      first: one,
      latest: { ...one, reward: 0.5 },
    });
    expect([single.change, single.direction, single.latest?.passAt1]).toEqual([null, 'none', 0.5]);
  });
});

describe('runsTableView', () => {
  it('searches, then sorts, then groups, and counts what it shows', () => {
    const rows = [
      row('tau2-1-airline-gpt', { trajectories: 1 }),
      row('tau2-1-retail-gpt', { trajectories: 3 }),
      row('tau2-1-airline-grok', { trajectories: 2 }),
    ];
    const view = runsTableView(rows, { q: 'airline', sort: '-trajectories', group: 'part4' });
    expect([view.shown, view.total]).toEqual([2, 3]);
    expect(view.groups.map((g) => [g.label, ids(g.rows)])).toEqual([
      ['gpt', ['tau2-1-airline-gpt']],
      ['grok', ['tau2-1-airline-grok']],
    ]);
    expect(ids(runsTableView(rows, { q: null, sort: '-trajectories', group: null }).groups[0].rows)).toEqual([
      'tau2-1-retail-gpt',
      'tau2-1-airline-grok',
      'tau2-1-airline-gpt',
    ]);
  });
});

describe('questionSet', () => {
  it('names the domain a tau2 or tau-bench question id carries after its dataset', () => {
    expect(questionSet('tau2', 'tau2/airline_tighter_policy:11')).toBe('tau2/airline_tighter_policy');
    expect(
      questionSet(
        'tau2',
        'tau2/telecom-workflow:[mobile_data_issue]airplane_mode_on|user_abroad_roaming_disabled_on',
      ),
    ).toBe('tau2/telecom-workflow');
    expect(questionSet('tau-bench', 'tau-bench/airline:5')).toBe('tau-bench/airline');
  });

  it('is the dataset alone for other ids, and null without a dataset', () => {
    expect(questionSet('swe-bench', 'swe-bench/astropy__astropy-12907')).toBe('swe-bench');
    expect(questionSet('tau2', 'tau2/5')).toBe('tau2');
    expect(questionSet('tau2', 'tau2/:5')).toBe('tau2');
    expect(questionSet('inspect', 'inspect/a/b:1')).toBe('inspect');
    expect(questionSet('tau2', 'other/airline:1')).toBe('tau2');
    expect(questionSet('tau2', null)).toBe('tau2');
    expect(questionSet(null, 'tau2/airline:1')).toBeNull();
  });
});
