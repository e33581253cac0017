import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { summary } from '@/lib/chart-data/test-fixtures';
import { KpiTiles, NOT_COMPUTABLE_TITLE } from './kpi-tiles';

afterEach(cleanup);

describe('KpiTiles', () => {
  it('shows size, pass@1, pass@k with its k and the reward CI', () => {
    render(
      <KpiTiles
        summary={summary({
          k: 8,
          pass_at_k: 0.72,
          pass_at: { '8': 0.72 },
          pass_at_k_questions: 48,
          pass_at_questions: { '8': 48 },
          question_count: 50,
        })}
      />,
    );
    expect(screen.getByTestId('kpi-trajectories').textContent).toContain('40');
    expect(screen.getByTestId('kpi-pass-at-1').textContent).toContain('42.0%');
    const passK = screen.getByTestId('kpi-pass-at-k');
    expect(passK.textContent).toContain('pass@8');
    expect(passK.textContent).toContain('72.0%');
    expect(passK.textContent).toContain('48 of 50 questions');
    expect(screen.getByTestId('kpi-avg-reward').textContent).toContain('0.420 [0.350, 0.490]');
  });
  it('says so when pass@k covers every question', () => {
    render(<KpiTiles summary={summary({ k: 4, pass_at_k_questions: 10, question_count: 10 })} />);
    expect(screen.getByTestId('kpi-pass-at-k').textContent).toContain('over 10 questions');
  });

  it('shows no second pass@1 tile when k is 1', () => {
    render(<KpiTiles summary={summary({ k: 1, pass_at_k: 0.42, samples_per_question: [1, 1] })} />);
    expect(screen.getAllByText('pass@1')).toHaveLength(1);
    expect(screen.queryByTestId('kpi-pass-at-k')).toBeNull();
  });

  it('shows n/a with the reason when pass@k is not computable', () => {
    render(<KpiTiles summary={summary({ k: 16, pass_at_k: null })} />);
    const passK = screen.getByTestId('kpi-pass-at-k');
    expect(passK.textContent).toContain('n/a');
    expect(passK.getAttribute('title')).toBe(NOT_COMPUTABLE_TITLE);
  });

  it('shows n/a for an empty selection', () => {
    render(
      <KpiTiles
        summary={summary({
          trajectory_count: 0,
          question_count: 0,
          samples_per_question: null,
          avg_reward: null,
          avg_reward_ci: null,
          pass_at_1: null,
          pass_at_k: null,
          k: null,
        })}
      />,
    );
    expect(screen.getByTestId('kpi-avg-reward').textContent).toContain('n/a');
    expect(screen.getByTestId('kpi-pass-at-k').textContent).toContain('pass@k');
  });
});
