import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { withNuqsTestingAdapter } from 'nuqs/adapters/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { comparedTraining, comparison, paired } from '@/lib/chart-data/test-fixtures';
import { ComparisonCards } from './comparison-cards';

afterEach(cleanup);

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

describe('ComparisonCards', () => {
  it('renders every card and a verdict per run against the baseline', () => {
    render(<ComparisonCards comparison={runs} />, { wrapper: withNuqsTestingAdapter() });
    const rows = within(screen.getByTestId('comparison-table')).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1].textContent).toContain('baseline');
    expect(rows[2].textContent).toContain('+10.0 pp [+2.0 pp, +18.0 pp]');
    expect(rows[2].textContent).toContain('20 / 20 / 10');
    expect(rows[2].textContent).toContain('better (CI excludes 0)');
    expect(rows[3].textContent).toContain('no clear difference');
    for (const title of [
      'Pass@1 by epoch',
      'Termination mix by run',
      'Reward categories by run',
      'Pass rates by run',
    ]) {
      expect(screen.getByRole('region', { name: title })).toBeTruthy();
    }
  });

  it('links each compared run to the questions where it and the baseline disagree most', () => {
    render(<ComparisonCards comparison={runs} />, { wrapper: withNuqsTestingAdapter() });
    const rows = within(screen.getByTestId('comparison-table')).getAllByRole('row');
    expect(within(rows[1]).queryByRole('link')).toBeNull();
    expect(
      within(rows[2])
        .getByRole('link', { name: /questions where they disagree/ })
        .getAttribute('href'),
    ).toBe('/questions?training_ids=run_a%2Crun_b');
    expect(
      within(rows[3])
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
