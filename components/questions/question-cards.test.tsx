import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { withNuqsTestingAdapter } from 'nuqs/adapters/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionLearning } from '@/lib/analysis/stats/question-learning';
import { loadDashboard } from '@/lib/search-params';
import { ChooseTraining } from '../analysis/choose-training';
import { QuestionGridCard } from './question-grid-card';
import { QuestionTransitionsCard } from './question-transitions-card';

afterEach(cleanup);

const learning: QuestionLearning = {
  training_id: 'a',
  success_threshold: 0,
  solved_rate: 0.75,
  epochs: [0],
  transitions: [
    {
      epoch_id: 0,
      questions: 1,
      solved: 1,
      newly_solved: null,
      regressed: null,
      always_solved: 1,
      never_solved: 0,
    },
  ],
  sort: 'data_id',
  status: 'regressed',
  status_epoch: 3,
  total: 1,
  limit: 50,
  offset: 0,
  questions: [
    {
      data_id: 'q1',
      samples: 4,
      success_rate: 1,
      first_solved: 0,
      last_solved: 0,
      flips: 0,
      cells: [{ samples: 4, successes: 4, success_rate: 1, solved: true }],
    },
  ],
};

const params = loadDashboard(
  '?tab=questions&training_id=a&solved_rate=0.75&status=regressed&status_epoch=3&page=2',
);

describe('the questions tab', () => {
  it('offers the solved thresholds, the one in use marked, each back on the first page', () => {
    render(<QuestionTransitionsCard learning={learning} params={params} />, {
      wrapper: withNuqsTestingAdapter(),
    });
    const picker = screen.getByTestId('solved-rate');
    const links = within(picker).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['25%', '50%', '75%', '100%']);
    expect(links.map((link) => link.getAttribute('aria-current'))).toEqual([null, null, 'true', null]);
    expect(links[0].getAttribute('href')).toBe(
      '/analysis?training_id=a&tab=questions&solved_rate=0.25&status=regressed&status_epoch=3',
    );
    expect(screen.getByText(/solved = success rate ≥ 75%/)).toBeTruthy();
  });

  it('says which questions the grid shows, with the way back to all, and the runs to compare with', () => {
    render(<QuestionGridCard learning={learning} params={params} trainings={['a', 'b', 'c d']} />);
    expect(screen.getByTestId('status-filter').textContent).toBe(
      'Showing the 1 questions regressed in epoch 3. Show all questions',
    );
    expect(screen.getByRole('link', { name: 'Show all questions' }).getAttribute('href')).toBe(
      '/analysis?training_id=a&tab=questions&solved_rate=0.75',
    );
    const others = within(screen.getByTestId('disagree-with')).getAllByRole('link');
    expect(others.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['b', '/questions?training_ids=a%2Cb'],
      ['c d', '/questions?training_ids=a%2Cc+d'],
    ]);
  });

  it('puts dozens of other runs in a menu of shortened names, each with its full name on hover', () => {
    const many = ['a', ...Array.from({ length: 42 }, (_, i) => `tau2-384954369-domain${i}-grok-3`)];
    render(<QuestionGridCard learning={learning} params={params} trainings={many} />);
    const menu = screen.getByTestId('disagree-with');
    expect(menu.tagName).toBe('DETAILS');
    expect(menu.querySelector('summary')!.textContent).toContain('Disagreements with another run (42)');
    const links = within(screen.getByTestId('disagree-with-list')).getAllByRole('link');
    expect(links).toHaveLength(42);
    expect(links[7].getAttribute('title')).toBe('tau2-384954369-domain7-grok-3');
    expect(links[7].textContent).toBe('tau2-384954369-domain7-grok-3');
    expect(links[7].getAttribute('href')).toBe('/questions?training_ids=a%2Ctau2-384954369-domain7-grok-3');
    const long = `run-${'x'.repeat(40)}-airline-grok-3`;
    cleanup();
    render(<QuestionGridCard learning={learning} params={params} trainings={['a', long]} />);
    const [only] = within(screen.getByTestId('disagree-with')).getAllByRole('link');
    // 32 characters: 12 from the start, 19 from the end
    expect(only.textContent).toBe('run-xxxxxxxx…xxxx-airline-grok-3');
    expect(only.getAttribute('title')).toBe(long);
  });

  it('offers no disagreements when there is no other training', () => {
    render(<QuestionGridCard learning={{ ...learning, status: null }} params={params} trainings={['a']} />);
    expect(screen.queryByTestId('disagree-with')).toBeNull();
    expect(screen.queryByTestId('status-filter')).toBeNull();
  });

  it('asks for one training, each choice a link', () => {
    render(<ChooseTraining reason="Pick one:" choices={['a', 'b']} hrefOf={(id) => `/x/${id}`} />);
    expect(screen.getByText('Choose one training')).toBeTruthy();
    expect(screen.getAllByTestId('choose-training').map((link) => link.getAttribute('href'))).toEqual([
      '/x/a',
      '/x/b',
    ]);
  });
});
