import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withNuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BarChart, LineChart } from '@tremor/react';
import type { ComparedTraining } from '@/lib/analysis/stats/training-comparison';
import { comparedTraining, comparison, paired } from '@/lib/chart-data/test-fixtures';
import { ComparisonCards } from './comparison-cards';

type LineProps = ComponentProps<typeof LineChart>;
type BarProps = ComponentProps<typeof BarChart>;
/** What each chart was handed, by its accessible name (Recharts draws nothing at jsdom's zero size). */
const charts = new Map<string, LineProps | BarProps>();

vi.mock('@tremor/react', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tremor/react')>()),
  LineChart: (props: LineProps) => {
    charts.set(String(props.className) + ':' + props.categories.join('|'), props);
    return <div data-testid="line-chart" data-categories={props.categories.join('|')} />;
  },
  BarChart: (props: BarProps) => <div data-testid="bar-chart" data-categories={props.categories.join('|')} />,
}));

afterEach(() => {
  cleanup();
  charts.clear();
});

const runs = comparison(
  [
    comparedTraining('run_a', { pass_at_1: 0.4 }),
    comparedTraining('run_b', { pass_at_1: 0.5 }),
    comparedTraining('run_c', { pass_at_1: 0.41 }),
  ],
  [
    paired({
      training_id: 'run_b',
      delta_pass_at_1: 0.1,
      delta_ci: { low: 0.02, high: 0.18 },
      wins: 20,
      ties: 20,
      losses: 10,
    }),
    paired({ training_id: 'run_c', delta_pass_at_1: 0.01, delta_ci: { low: -0.05, high: 0.07 } }),
  ],
);

const tableRows = () => within(screen.getByTestId('comparison-table')).getAllByRole('row');
const runOf = (row: HTMLElement) => row.getAttribute('data-run');

describe('ComparisonCards', () => {
  it('renders every card and a verdict per run against the baseline, best first', () => {
    render(<ComparisonCards comparison={runs} />, { wrapper: withNuqsTestingAdapter() });
    const rows = tableRows();
    expect(rows).toHaveLength(4);
    // No epochs: pass@1 over all epochs decides.
    expect(rows.slice(1).map(runOf)).toEqual(['run_b', 'run_c', 'run_a']);
    expect(rows[1].textContent).toContain('+10.0 pp [+2.0 pp, +18.0 pp]');
    expect(rows[1].textContent).toContain('20 / 20 / 10');
    expect(rows[1].textContent).toContain('better (CI excludes 0)');
    expect(rows[2].textContent).toContain('no clear difference');
    expect(rows[3].textContent).toContain('baseline');
    for (const title of [
      'Pass@1 by epoch',
      'Termination mix by run',
      'Reward categories by run',
      'Pass rates by run',
      'Runs on the charts',
    ]) {
      expect(screen.getByRole('region', { name: title })).toBeTruthy();
    }
    expect(screen.getByTestId('shown-note').textContent).toBe(
      "The charts show all 3 runs, best first by their latest epoch's pass@1.",
    );
  });

  it('links each compared run to the questions where it and the baseline disagree most', () => {
    render(<ComparisonCards comparison={runs} />, { wrapper: withNuqsTestingAdapter() });
    const [, b, c, a] = tableRows();
    expect(within(a).queryByRole('link')).toBeNull();
    expect(
      within(b)
        .getByRole('link', { name: /questions where they disagree/ })
        .getAttribute('href'),
    ).toBe('/questions?training_ids=run_a%2Crun_b');
    expect(
      within(c)
        .getByRole('link', { name: /run_a and run_c/ })
        .getAttribute('href'),
    ).toBe('/questions?training_ids=run_a%2Crun_c');
  });

  it('escapes run names in the link', () => {
    const odd = comparison(
      [comparedTraining('lr 1/2'), comparedTraining('x&y')],
      [paired({ baseline: 'lr 1/2', training_id: 'x&y' })],
    );
    render(<ComparisonCards comparison={odd} />, { wrapper: withNuqsTestingAdapter() });
    expect(screen.getByRole('link', { name: /questions where they disagree/ }).getAttribute('href')).toBe(
      '/questions?training_ids=lr+1%2F2%2Cx%26y',
    );
  });
});

// 40 runs named like tau2's, run i ending at pass@1 i / 40 in its latest epoch: the best are the last ones.
const name = (i: number) => `tau2-384954369-domain${String(i).padStart(2, '0')}-grok-3`;
const point = (epoch_id: number, pass_at_1: number, ci: [number, number]) => ({
  epoch_id,
  trajectory_count: 10,
  avg_reward: (ci[0] + ci[1]) / 2,
  avg_reward_ci: { low: ci[0], high: ci[1] },
  pass_at_1,
  pass_at_k: null,
});
const many = comparison(
  Array.from({ length: 40 }, (_, i): ComparedTraining =>
    comparedTraining(name(i), {
      pass_at_1: 0.5,
      epochs: [point(0, 0.5, [0.5, 0.62]), point(1, i / 40, [0.55, 0.6])],
    }),
  ),
  Array.from({ length: 39 }, (_, i) => paired({ baseline: name(0), training_id: name(i + 1) })),
);
const best = (n: number) => Array.from({ length: n }, (_, i) => name(39 - i));

describe('ComparisonCards with 40 runs', () => {
  it('lists all 40 in the table, best first, and draws the best 5 on the charts', () => {
    render(<ComparisonCards comparison={many} />, { wrapper: withNuqsTestingAdapter() });
    const rows = tableRows().slice(1);
    expect(rows).toHaveLength(40);
    expect(rows.slice(0, 5).map(runOf)).toEqual(best(5));
    expect(screen.getByTestId('shown-note').textContent).toContain(
      "The charts show the best 5 of 40 runs by their latest epoch's pass@1, best first; the table lists all 40.",
    );
    expect(
      within(screen.getByTestId('card-comparison-pass-epochs')).getByText(/the best 5 of 40 runs/),
    ).toBeTruthy();
    const lines = screen.getAllByTestId('line-chart');
    expect(lines).toHaveLength(2);
    // Labels leave out the start every drawn run shares, and say so.
    expect(lines[0].getAttribute('data-categories')!.split('|')).toEqual(best(5).map((n) => n.slice(15)));
    expect(screen.getByRole('region', { name: 'Runs on the charts' }).textContent).toContain(
      'Chart labels leave out “tau2-384954369-”, the start every drawn run shares.',
    );
    // Only the drawn runs carry a colour in the table.
    const drawn = screen.getByTestId('comparison-table').querySelectorAll('tr[data-shown="true"]');
    expect([...drawn].map((row) => row.getAttribute('data-run'))).toEqual(best(5));
  });

  it('draws the runs `shown` names, in its order', () => {
    render(<ComparisonCards comparison={many} />, {
      wrapper: withNuqsTestingAdapter({ searchParams: `?shown=${name(3)},${name(17)},unknown` }),
    });
    const [passLines] = screen.getAllByTestId('line-chart');
    expect(passLines.getAttribute('data-categories')).toBe('domain03-grok-3|domain17-grok-3');
    expect(screen.getByTestId('shown-note').textContent).toContain('The charts show the 2 runs chosen of 40');
    expect(screen.getByRole('button', { name: 'show the best 5' })).toBeTruthy();
  });

  it('sorts the table by a column, and back', async () => {
    const user = userEvent.setup();
    render(<ComparisonCards comparison={many} />, { wrapper: withNuqsTestingAdapter() });
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(tableRows().slice(1, 4).map(runOf)).toEqual([name(0), name(1), name(2)]);
    await user.click(screen.getByRole('button', { name: 'Run' }));
    expect(tableRows().slice(1, 3).map(runOf)).toEqual([name(39), name(38)]);
    const header = screen.getByRole('button', { name: 'Run' }).closest('th')!;
    expect(header.getAttribute('aria-sort')).toBe('descending');
  });

  it('shortens long names in the middle, the full name on hover', () => {
    render(<ComparisonCards comparison={many} />, { wrapper: withNuqsTestingAdapter() });
    const label = within(tableRows()[1]).getByTitle(name(39));
    // 32 characters at most: the whole name (30) fits
    expect(label.textContent).toBe(name(39));
  });

  it('says when the reward lines are within noise', () => {
    render(<ComparisonCards comparison={many} />, { wrapper: withNuqsTestingAdapter() });
    // every run's interval is [0.5, 0.62] in epoch 0 and [0.55, 0.6] in epoch 1: they overlap
    expect(
      within(screen.getByTestId('card-comparison-reward-epochs')).getByTestId('chart-note').textContent,
    ).toBe("Within noise: in every epoch the runs' 95% intervals overlap.");
  });
});
