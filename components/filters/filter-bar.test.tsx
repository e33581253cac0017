import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withNuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDashboard } from '@/lib/search-params';
import { FilterBar, type FilterOptions } from './filter-bar';

const options: FilterOptions = {
  trainings: ['run_a', 'run_b'],
  epochs: [10, 2, 1],
  terminationReasons: ['success', 'timeout', 'error'],
  tools: ['search', 'python'],
};

function renderBar(searchParams = '') {
  const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
  render(<FilterBar options={options} />, { wrapper: withNuqsTestingAdapter({ searchParams, onUrlUpdate }) });
  const lastUrl = () => onUrlUpdate.mock.calls.at(-1)?.[0];
  return { onUrlUpdate, lastUrl };
}

afterEach(cleanup);

describe('FilterBar', () => {
  it('writes the epoch, resets page and open trajectory, and pushes a history entry that re-renders the server', async () => {
    const { lastUrl } = renderBar('?tab=failures&page=3&trajectory=t1');
    await userEvent.selectOptions(screen.getByTestId('filter-epoch'), 'Epoch 2');
    const event = lastUrl()!;
    expect(event.queryString).toBe('?tab=failures&epoch_id=2');
    expect(event.options.history).toBe('push');
    expect(event.options.shallow).toBe(false);
  });

  it('lists epochs numerically with an "All epochs" choice that removes the filter', async () => {
    const { lastUrl } = renderBar('?epoch_id=10');
    const select = screen.getByTestId('filter-epoch');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All epochs', 'Epoch 1', 'Epoch 2', 'Epoch 10', 'Epoch range…']);
    await userEvent.selectOptions(select, 'All epochs');
    expect(lastUrl()!.searchParams.has('epoch_id')).toBe(false);
  });

  it('shows an epoch range of the URL in the selector, and changes one bound', async () => {
    const { lastUrl } = renderBar('?epoch_min=2&epoch_max=10');
    const select = screen.getByTestId<HTMLSelectElement>('filter-epoch');
    expect(select.selectedOptions[0].textContent).toBe('Epochs 2–10');
    expect(screen.getByTestId<HTMLSelectElement>('filter-epoch-min').value).toBe('2');
    expect(screen.getByTestId<HTMLSelectElement>('filter-epoch-max').value).toBe('10');
    await userEvent.selectOptions(screen.getByTestId('filter-epoch-max'), '2');
    expect(lastUrl()!.queryString).toBe('?epoch_min=2&epoch_max=2');
  });

  it('reads a one-sided range', () => {
    renderBar('?epoch_min=2');
    expect(screen.getByTestId<HTMLSelectElement>('filter-epoch').selectedOptions[0].textContent).toBe(
      'Epochs ≥ 2',
    );
  });

  it('sets a range from the selector: "Epoch range…" opens from / to, and one epoch gives way to it', async () => {
    const { onUrlUpdate, lastUrl } = renderBar('?epoch_id=1');
    await userEvent.selectOptions(screen.getByTestId('filter-epoch'), 'Epoch range…');
    expect(onUrlUpdate).not.toHaveBeenCalled();
    await userEvent.selectOptions(screen.getByTestId('filter-epoch-min'), '2');
    const url = lastUrl()!.searchParams;
    expect([url.get('epoch_id'), url.get('epoch_min'), url.get('epoch_max')]).toEqual([null, '2', '10']);
  });

  it('writes picked trainings from the multi-select', async () => {
    const { lastUrl } = renderBar();
    await userEvent.click(screen.getByRole('button', { name: /Training/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'run_b' }));
    expect(lastUrl()!.searchParams.get('training_id')).toBe('run_b');
  });

  it('takes a training out by its chip, and all of them with Clear', async () => {
    const { lastUrl } = renderBar('?training_id=run_a,run_b');
    const picker = screen.getByTestId('filter-training');
    expect(
      within(picker)
        .getAllByTestId('multi-select-chip')
        .map((chip) => chip.title),
    ).toEqual(['run_a', 'run_b']);
    await userEvent.click(within(picker).getByRole('button', { name: 'Remove run_a' }));
    expect(lastUrl()!.searchParams.get('training_id')).toBe('run_b');
    await userEvent.click(within(picker).getByRole('button', { name: 'Clear' }));
    expect(lastUrl()!.searchParams.has('training_id')).toBe(false);
  });

  it('applies reward bounds on blur or Enter, not on every keystroke', async () => {
    const { onUrlUpdate, lastUrl } = renderBar();
    const min = screen.getByLabelText('Reward min');
    await userEvent.type(min, '0.25');
    expect(onUrlUpdate).not.toHaveBeenCalled();
    await userEvent.tab();
    expect(lastUrl()!.searchParams.get('reward_min')).toBe('0.25');
    await userEvent.type(screen.getByLabelText('Reward max'), '1{Enter}');
    expect(lastUrl()!.searchParams.get('reward_max')).toBe('1');
  });

  it('refuses a reward range whose min exceeds its max', async () => {
    const { onUrlUpdate } = renderBar('?reward_max=0');
    await userEvent.type(screen.getByLabelText('Reward min'), '0.5{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Min must not exceed max');
    expect(onUrlUpdate).not.toHaveBeenCalled();
  });

  it('searches after typing stops, and at once on Enter', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { onUrlUpdate, lastUrl } = renderBar();
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await user.type(screen.getByTestId('filter-q'), 'refund');
      expect(onUrlUpdate).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(450);
      expect(lastUrl()!.searchParams.get('q')).toBe('refund');
      onUrlUpdate.mockClear();
      await user.type(screen.getByTestId('filter-q'), 's{Enter}');
      expect(lastUrl()!.searchParams.get('q')).toBe('refunds');
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes "any" for a failure of any tool', async () => {
    const { lastUrl } = renderBar();
    await userEvent.selectOptions(screen.getByTestId('filter-tool-failed'), 'Any tool');
    expect(lastUrl()!.searchParams.get('tool_failed')).toBe('any');
  });

  it('shows active filters as chips; removing one drops only that value', async () => {
    const { lastUrl } = renderBar('?termination_reason=timeout,error&reward_min=0&page=2');
    expect(screen.getByText('termination: timeout')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter termination_reason: timeout' }));
    // A rewritten list key moves to the end of the query string; what counts is the set of parameters.
    expect([...lastUrl()!.searchParams].sort()).toEqual([
      ['reward_min', '0'],
      ['termination_reason', 'error'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter reward_min: 0' }));
    expect(lastUrl()!.searchParams.has('reward_min')).toBe(false);
  });

  it('shows every value of a repeated list key, and keeps the others when one is removed', async () => {
    const { lastUrl } = renderBar('?training_id=run_a&training_id=run_b,,run_a&epoch_id=&epoch_id=2');
    expect(
      within(screen.getByTestId('filter-chips'))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['training: run_a×', 'training: run_b×', 'epoch 2×']);
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter training_id: run_a' }));
    const next = loadDashboard(lastUrl()!.queryString);
    expect([next.training_id, next.epoch_id]).toEqual([['run_b'], 2]);
  });

  it('resets every filter but keeps the run, the tab and the metric options', async () => {
    const { lastUrl } = renderBar(
      '?tab=progress&k=4&training_id=run_a&epoch_min=2&q=x&tools_none=python&trajectory=t',
    );
    await userEvent.click(screen.getByTestId('filter-reset'));
    expect(lastUrl()!.queryString).toBe('?tab=progress&k=4&training_id=run_a');
  });

  it('disables Reset when no filter is active, or only the run', () => {
    renderBar('?tab=progress&training_id=run_a');
    expect(screen.getByTestId('filter-reset')).toHaveProperty('disabled', true);
  });

  it('shows the Failures tab default reward cap as a chip, lifted with one click to reward_max=any', async () => {
    const { lastUrl } = renderBar('?tab=failures&training_id=run_a&page=2');
    const chips = within(screen.getByTestId('filter-chips')).getAllByRole('listitem');
    expect(chips.map((chip) => chip.textContent)).toEqual([
      'training: run_a×',
      'reward ≤ 0.5 (failures default)show all',
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('Reward max').placeholder).toBe('0.5');
    await userEvent.click(screen.getByRole('button', { name: 'Lift the failures default reward ≤ 0.5' }));
    expect(lastUrl()!.queryString).toBe('?tab=failures&training_id=run_a&reward_max=any');
  });

  it('reads a lifted cap as "any" in the box and the chip; removing it brings the default back', async () => {
    const { lastUrl } = renderBar('?tab=failures&reward_max=any');
    expect(screen.getByLabelText<HTMLInputElement>('Reward max').value).toBe('any');
    expect(screen.getByTestId('filter-chips').textContent).toBe('all rewards (failures default lifted)×');
    await userEvent.click(screen.getByRole('button', { name: 'Remove filter reward_max: any' }));
    expect(lastUrl()!.searchParams.has('reward_max')).toBe(false);
  });

  it('takes "any" typed in the max box as the lift, on any tab', async () => {
    const { lastUrl } = renderBar('?tab=overview');
    expect(screen.queryByTestId('filter-chips')).toBeNull();
    await userEvent.type(screen.getByLabelText('Reward max'), 'any{Enter}');
    expect(lastUrl()!.searchParams.get('reward_max')).toBe('any');
  });
});
