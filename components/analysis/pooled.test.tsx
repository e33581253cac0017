import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { summary } from '@/lib/chart-data/test-fixtures';
import { KpiTiles } from './kpi-tiles';
import { epochSpan, pooledPhrase, questionCountLabel, questionUnit, withPooled } from './pooled';
import { PooledNote } from './pooled-note';

afterEach(cleanup);

const ONE = { runs: 1, epochs: 1, questions: 120 };
const EPOCHS = { runs: 1, epochs: 12, questions: 120, epochIds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const RUNS = { runs: 2, epochs: 1, questions: 120 };
const BOTH = { runs: 2, epochs: 12, questions: 120 };

describe('what a pooled figure says', () => {
  it('names what it pools, and nothing when it pools nothing', () => {
    expect([ONE, EPOCHS, RUNS, BOTH].map(pooledPhrase)).toEqual([
      null,
      'pooled over 12 epochs',
      'pooled over 2 runs',
      'pooled over 2 runs and 12 epochs',
    ]);
    expect(withPooled('412 trajectories', EPOCHS)).toBe('412 trajectories · pooled over 12 epochs');
    expect(withPooled('412 trajectories', ONE)).toBe('412 trajectories');
  });

  it('labels the question count as what it counts', () => {
    expect([ONE, EPOCHS, RUNS, BOTH, null].map(questionUnit)).toEqual([
      'questions',
      'question-epochs',
      'question-runs',
      'question-run-epochs',
      'questions',
    ]);
    expect(questionCountLabel(1440, EPOCHS)).toBe('1,440 question-epochs of 120 questions');
    expect(questionCountLabel(120, ONE)).toBe('120 questions');
  });

  it('spans epochs as a range when they are consecutive', () => {
    expect(epochSpan([0, 1, 2])).toBe('epochs 0–2');
    expect(epochSpan([1, 4])).toBe('epochs 1, 4');
    expect(epochSpan([7])).toBe('epoch 7');
  });
});

describe('the overview tiles and note', () => {
  it('say "1,440 question-epochs of 120 questions" and that the trajectories are pooled', () => {
    render(
      <KpiTiles
        summary={summary({
          question_count: 1440,
          samples_per_question: [4, 4],
          pass_at_k_questions: 1440,
          k: 4,
        })}
        extent={EPOCHS}
      />,
    );
    const questions = screen.getByTestId('kpi-questions');
    expect(questions.querySelector('dt')!.textContent).toBe('Question-epochs');
    expect(questions.textContent).toContain('1,440');
    expect(questions.textContent).toContain('of 120 questions · 4 samples each');
    expect(questions.getAttribute('title')).toBe(
      '1,440 question-epochs of 120 questions: a question counts once per epoch it was sampled in',
    );
    expect(screen.getByTestId('kpi-trajectories').textContent).toContain('pooled over 12 epochs');
    expect(screen.getByTestId('kpi-pass-at-k').textContent).toContain('over 1,440 question-epochs');
  });

  it('keep "Questions" for one epoch of one run', () => {
    render(<KpiTiles summary={summary({ question_count: 120 })} extent={ONE} />);
    expect(screen.getByTestId('kpi-questions').querySelector('dt')!.textContent).toBe('Questions');
    expect(screen.getByTestId('kpi-trajectories').querySelectorAll('dd')).toHaveLength(1);
  });

  it('the note says what the figures pool, or nothing', () => {
    const { rerender } = render(<PooledNote extent={EPOCHS} />);
    expect(screen.getByTestId('pooled-note').textContent).toBe(
      'Pooled over 12 epochs (epochs 0–11): every figure below counts their trajectories together, and a question once per epoch. Pick one epoch in the filters to see it alone.',
    );
    rerender(<PooledNote extent={ONE} />);
    expect(screen.queryByTestId('pooled-note')).toBeNull();
  });
});
