import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionLearning } from '@/lib/analysis/stats/question-learning';
import { QuestionGrid } from './question-grid';
import { TransitionTable } from './transition-table';

afterEach(cleanup);

const learning: QuestionLearning = {
  training_id: 'run a',
  success_threshold: 0,
  solved_rate: 0.5,
  epochs: [0, 1],
  transitions: [
    {
      epoch_id: 0,
      questions: 2,
      solved: 1,
      newly_solved: null,
      regressed: null,
      always_solved: 1,
      never_solved: 1,
    },
    {
      epoch_id: 1,
      questions: 2,
      solved: 1,
      newly_solved: 0,
      regressed: 1,
      always_solved: 0,
      never_solved: 1,
    },
  ],
  sort: '-flips',
  status: null,
  status_epoch: null,
  total: 2,
  limit: 50,
  offset: 0,
  questions: [
    {
      data_id: 'q:1',
      samples: 8,
      success_rate: 0.5,
      first_solved: 0,
      last_solved: 0,
      flips: 1,
      cells: [
        { samples: 4, successes: 3, success_rate: 0.75, solved: true },
        { samples: 4, successes: 1, success_rate: 0.25, solved: false },
      ],
    },
    {
      data_id: 'q2',
      samples: 4,
      success_rate: 0,
      first_solved: null,
      last_solved: null,
      flips: 0,
      cells: [null, { samples: 4, successes: 0, success_rate: 0, solved: false }],
    },
  ],
};

describe('QuestionGrid', () => {
  it('links every cell to its group and every question to its runs, blank where there are no samples', () => {
    render(<QuestionGrid learning={learning} sortHref={(key) => `/sorted/${key}`} />);
    const rows = screen.getAllByTestId('question-row');
    const cells = within(rows[0]).getAllByTestId('grid-cell');
    expect(cells.map((c) => [c.textContent, c.getAttribute('href')])).toEqual([
      ['75', '/groups/run%20a/0/q%3A1'],
      ['25', '/groups/run%20a/1/q%3A1'],
    ]);
    expect(cells[0].getAttribute('title')).toBe('epoch 0: 3 of 4 samples succeeded (75.0%), solved');
    expect(within(rows[1]).getAllByTestId('grid-cell')).toHaveLength(1);
    expect(within(rows[0]).getByRole('link', { name: 'q:1' }).getAttribute('href')).toBe('/questions/q%3A1');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 4),
    ).toEqual(['0%', '—', '—', '0']);
  });

  it('marks the sorted column and links the headers', () => {
    render(<QuestionGrid learning={learning} sortHref={(key) => `/sorted/${key}`} />);
    const flips = screen.getByTestId('sort-flips');
    expect(flips.textContent).toBe('Flips ▼');
    expect(flips.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByTestId('sort-difficulty').getAttribute('href')).toBe('/sorted/difficulty');
  });
});

describe('TransitionTable', () => {
  it('links each count to its questions, no link in the first epoch', () => {
    render(
      <TransitionTable
        transitions={learning.transitions}
        statusHref={(status, epoch) => `/status/${status}/${epoch}`}
        current={{ status: 'regressed', epoch: 1 }}
      />,
    );
    const regressed = screen.getByTestId('count-regressed-1');
    expect([regressed.textContent, regressed.getAttribute('href')]).toEqual(['1', '/status/regressed/1']);
    expect(regressed.getAttribute('aria-current')).toBe('true');
    expect(screen.queryByTestId('count-regressed-0')).toBeNull();
    expect(screen.getByTestId('count-never_solved-0').getAttribute('href')).toBe('/status/never_solved/0');
  });
});
