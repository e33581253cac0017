import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withNuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import { createLoader } from 'nuqs/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FailureCase, FailureCases } from '@/lib/analysis/stats/failure-cases';
import { dashboardParsers } from '@/lib/search-params';
import { FailureTable } from './failure-table';

const load = createLoader(dashboardParsers);

const failure = (id: string, overrides: Partial<FailureCase> = {}): FailureCase => ({
  trajectory_id: id,
  training_id: 'run_a',
  epoch_id: 3,
  sample_id: 0,
  data_id: `q-${id}`,
  question: `Question of ${id}`,
  reward: 0,
  termination_reason: 'timeout',
  step_count: 4,
  tool_error_count: 1,
  agent_name: null,
  steps_preview: [
    { step_id: 0, action: 'search', observation: 'ok', tool_status: 'success', action_input: '"x"' },
    { step_id: 1, action: 'python', observation: 'Error', tool_status: 'error', action_input: '"1/0"' },
  ],
  ...overrides,
});

const page = (data: FailureCase[], total = data.length): FailureCases => ({
  total,
  limit: 20,
  offset: 0,
  sort: 'reward',
  filters_applied: {},
  data,
});

function renderTable(query: string, failures = page([failure('t1'), failure('t2'), failure('t3')])) {
  const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
  render(
    <>
      <input aria-label="elsewhere" />
      <FailureTable failures={failures} params={load(query)} />
    </>,
    { wrapper: withNuqsTestingAdapter({ searchParams: query, onUrlUpdate }) },
  );
  return { onUrlUpdate, lastUrl: () => onUrlUpdate.mock.calls.at(-1)?.[0] };
}

const highlightedRow = () => document.querySelector('[data-highlighted]');

afterEach(cleanup);

describe('FailureTable keyboard', () => {
  it('moves the highlight with j/k and opens the highlighted trajectory with Enter', async () => {
    const { lastUrl } = renderTable('?tab=failures');
    expect(highlightedRow()).toBeNull();
    await userEvent.keyboard('j');
    expect(highlightedRow()?.textContent).toContain('t1');
    await userEvent.keyboard('jj');
    expect(highlightedRow()?.textContent).toContain('t3');
    await userEvent.keyboard('j');
    expect(highlightedRow()?.textContent).toContain('t3');
    await userEvent.keyboard('k');
    expect(highlightedRow()?.textContent).toContain('t2');
    expect(document.activeElement).toBe(highlightedRow());
    await userEvent.keyboard('{Enter}');
    const event = lastUrl()!;
    expect(event.searchParams.get('trajectory')).toBe('t2');
    expect(event.searchParams.get('tab')).toBe('failures');
    expect(event.options.history).toBe('push');
  });

  it('ignores j/k/Enter typed into an input', async () => {
    const { onUrlUpdate } = renderTable('');
    await userEvent.click(screen.getByLabelText('elsewhere'));
    await userEvent.keyboard('jk{Enter}');
    expect(highlightedRow()).toBeNull();
    expect(onUrlUpdate).not.toHaveBeenCalled();
  });

  it('starts from the open trajectory', async () => {
    renderTable('?trajectory=t2');
    expect(highlightedRow()?.textContent).toContain('t2');
    await userEvent.keyboard('j');
    expect(highlightedRow()?.textContent).toContain('t3');
  });

  it('opens a trajectory on a row click', async () => {
    const { lastUrl } = renderTable('');
    await userEvent.click(screen.getByText('Question of t3'));
    expect(lastUrl()!.searchParams.get('trajectory')).toBe('t3');
  });
});

describe('FailureTable links', () => {
  it('sorts through header links that flip the direction and reset the page', () => {
    renderTable('?tab=failures&sort=reward&page=2');
    const reward = screen.getByRole('link', { name: /Reward/ });
    expect(reward.getAttribute('href')).toBe('/analysis?tab=failures&sort=-reward');
    expect(reward.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('link', { name: 'Steps' }).getAttribute('href')).toBe(
      '/analysis?tab=failures&sort=step_count',
    );
  });

  it('pages through the URL', () => {
    renderTable('?tab=failures', { ...page([failure('t1')], 45) });
    expect(screen.getByText('1–20 of 45 trajectories')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Next ›' }).getAttribute('href')).toBe(
      '/analysis?tab=failures&page=2',
    );
  });

  it('offers a reset link when nothing matches', () => {
    renderTable('?tab=failures&termination_reason=timeout&k=4', page([]));
    expect(screen.getByText('No trajectories match these filters')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Reset filters' }).getAttribute('href')).toBe(
      '/analysis?k=4&tab=failures',
    );
  });
});

describe('FailureTable note labels', () => {
  it('shows a row’s labels as chips linking to their notes, and none on a row without', () => {
    const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
    render(
      <FailureTable
        failures={page([failure('t1'), failure('t2')])}
        params={load('?tab=failures')}
        labels={{ t1: ['env-bug', 'reward-hack'] }}
      />,
      { wrapper: withNuqsTestingAdapter({ searchParams: '?tab=failures', onUrlUpdate }) },
    );
    const [first, second] = screen.getAllByTestId('failure-row');
    const chips = within(first).getAllByRole('link', { name: /^(env-bug|reward-hack)$/ });
    expect(chips.map((chip) => chip.getAttribute('href'))).toEqual([
      '/notes?label=env-bug',
      '/notes?label=reward-hack',
    ]);
    expect(within(second).queryByTestId('label-chips')).toBeNull();
  });
});
