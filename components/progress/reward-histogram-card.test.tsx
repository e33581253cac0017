import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RewardHistogramCard } from './reward-histogram-card';

afterEach(cleanup);

describe('RewardHistogramCard', () => {
  it('draws one row per bin, highest first, a cell per epoch with its share', () => {
    render(
      <RewardHistogramCard
        data={{
          training_id: 't',
          bins: [
            { low: 0, high: 0.5 },
            { low: 0.5, high: 1 },
          ],
          epochs: [
            { epoch_id: 0, trajectory_count: 4, counts: [3, 1] },
            { epoch_id: 1, trajectory_count: 2, counts: [0, 2] },
          ],
        }}
      />,
    );
    const rows = screen.getAllByTestId('reward-histogram-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('0.50 to 1.00');
    expect(
      within(rows[0])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['25%', '100%']);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['75%', '·']);
    expect(within(rows[1]).getAllByRole('cell')[0].getAttribute('title')).toBe(
      'epoch 0, reward 0.00 to 0.50: 3 of 4 (75.0%)',
    );
  });

  it('says so when nothing is selected', () => {
    render(<RewardHistogramCard data={{ training_id: 't', bins: [], epochs: [] }} />);
    expect(screen.getByTestId('empty-state').textContent).toContain('No trajectories');
    expect(screen.queryAllByTestId('reward-histogram-row')).toHaveLength(0);
  });
});
