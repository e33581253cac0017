import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { GroupDetail } from '@/lib/analysis/stats/group-detail';
import { GroupCard } from './group-card';
import { GroupHeader, GroupLinks } from './group-header';

afterEach(cleanup);

const group: GroupDetail = {
  training_id: 'run a',
  epoch_id: 2,
  data_id: 'q:1',
  question: 'What is 2 + 2?',
  success_threshold: 0,
  samples: [],
  mean_reward: 0.25,
  reward_std: 0.433,
  min_reward: 0,
  max_reward: 1,
  success_rate: 0.25,
  learning_signal: true,
  previous_data_id: null,
  next_data_id: null,
  previous_epoch: null,
  next_epoch: null,
};

describe('the group page', () => {
  it('shows the four figures, and no warning while the group teaches something', () => {
    render(<GroupCard group={group} />);
    const figures = screen.getByTestId('group-figures').textContent;
    expect(figures).toBe('Mean reward 0.250Std 0.433Range 0.000 – 1.000Success rate 25.0%');
    expect(screen.queryByTestId('no-learning-signal')).toBeNull();
  });

  it('warns when every sample got the same reward', () => {
    render(<GroupCard group={{ ...group, learning_signal: false, reward_std: 0 }} />);
    expect(screen.getByTestId('no-learning-signal').textContent).toContain(
      'every sample got the reward 0.250',
    );
  });

  it('links the training’s questions, the question in every run and its failures', () => {
    render(
      <>
        <GroupLinks group={group} />
        <GroupHeader group={group} />
      </>,
    );
    const href = (name: RegExp) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href(/Questions of run a/)).toBe('/analysis?training_id=run+a&tab=questions');
    expect(href(/This question in every run/)).toBe('/questions/q%3A1?epoch_id=2');
    expect(href(/Its failures/)).toBe('/analysis?training_id=run+a&epoch_id=2&data_id=q:1&tab=failures');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('q:1 · epoch 2 · run a');
    expect(screen.getByText('What is 2 + 2?')).toBeTruthy();
  });
});
