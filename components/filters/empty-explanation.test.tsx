import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDashboard } from '@/lib/search-params';
import { EmptyExplanation, explainEmpty } from './empty-explanation';

afterEach(cleanup);

describe('explainEmpty', () => {
  it('names the one filter that emptied the view, in its run, with the link that removes it', () => {
    const params = loadDashboard('?training_id=run_a&reward_min=1&page=2');
    const explained = explainEmpty(
      { active: ['reward_min'], causes: [{ key: 'reward_min', without: 40 }] },
      params,
    );
    expect(explained.sentence).toBe('No trajectory has reward ≥ 1 in this run: remove that filter');
    expect(explained.fixes).toEqual([
      {
        key: 'reward_min',
        label: 'reward ≥ 1',
        href: '/analysis?training_id=run_a',
        action: 'Remove reward ≥ 1',
        without: 40,
      },
    ]);
    expect(explained.resetHref).toBe('/analysis?training_id=run_a');
  });

  it('lifts the Failures tab default rather than removing it, and names the other filters as context', () => {
    const params = loadDashboard('?tab=failures&training_id=run_a,run_b&reward_min=1&epoch_id=3');
    const explained = explainEmpty(
      {
        active: ['epoch_id', 'reward_min', 'reward_max'],
        causes: [
          { key: 'reward_min', without: 12 },
          { key: 'reward_max', without: 3 },
        ],
      },
      params,
    );
    expect(explained.sentence).toBe(
      'No trajectory has reward ≥ 1 and reward ≤ 0.5 (failures default) with epoch 3 in these 2 runs: remove one of them',
    );
    expect(explained.fixes.map((fix) => [fix.action, fix.href])).toEqual([
      ['Remove reward ≥ 1', '/analysis?training_id=run_a,run_b&epoch_id=3&tab=failures'],
      [
        'Show all rewards (lift the failures default)',
        '/analysis?training_id=run_a,run_b&epoch_id=3&reward_min=1&reward_max=any&tab=failures',
      ],
    ]);
  });

  it('says when no single filter is to blame, listing a list filter once with its values', () => {
    const params = loadDashboard('?training_id=run_a&termination_reason=timeout,error&reward_min=0.5');
    const explained = explainEmpty({ active: ['reward_min', 'termination_reason'], causes: [] }, params);
    expect(explained.sentence).toBe(
      'No trajectory has reward ≥ 0.5 and termination: timeout, error in this run: no single filter empties it, they do together',
    );
    expect(explained.fixes).toEqual([]);
  });

  it('renders the sentence under the usual title, each fix with its count', () => {
    const params = loadDashboard('?training_id=run_a&reward_min=1');
    render(
      <EmptyExplanation
        explained={explainEmpty(
          { active: ['reward_min'], causes: [{ key: 'reward_min', without: 1 }] },
          params,
        )}
      />,
    );
    expect(screen.getByText('No trajectories match these filters')).toBeTruthy();
    expect(screen.getByTestId('empty-cause').textContent).toBe(
      'No trajectory has reward ≥ 1 in this run: remove that filter',
    );
    expect(screen.getByTestId('empty-fix').textContent).toBe('Remove reward ≥ 1 (1 trajectory without it)');
    expect(screen.getByRole('link', { name: 'Reset filters (the run stays)' }).getAttribute('href')).toBe(
      '/analysis?training_id=run_a',
    );
  });
});
