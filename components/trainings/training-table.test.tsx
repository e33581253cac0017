import '../test-setup';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withNuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainingSummary } from '@/lib/analysis/stats/training-list';
import {
  runRow,
  runsTableView,
  type RunFigures,
  type RunRow,
  type RunsTableState,
} from '@/lib/chart-data/runs-table';
import { RunsTableProvider } from './runs-table-controls';
import { TrainingTable } from './training-table';
import { TrainingsOverview } from './trainings-overview';

afterEach(cleanup);

// 2026-12-01T12:00:00Z
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const HOUR = 3600;
const LONG = 'tau2-384954369-airline-xai/grok-3-2025-10-05T22:50:14';

function training(training_id: string, date_range: [number, number] | null = null): TrainingSummary {
  return {
    training_id,
    trajectory_count: 10,
    epoch_range: [0, 1],
    epoch_count: 2,
    agent_name: null,
    created_at: date_range?.[0] ?? null,
    date_range,
  };
}

/** Figures of a run scored in epochs 0 and 1 (intervals ±0.05). */
function figures(first: number, last: number, reward = 0.25): RunFigures {
  return {
    dataset: null,
    epochs: [
      { epoch: 0, passAt1: first, reward: 0.1, trajectories: 5 },
      { epoch: 1, passAt1: last, reward, trajectories: 5 },
    ],
    first: { epoch: 0, value: first, ci: { low: first - 0.05, high: first + 0.05 } },
    latest: { epoch: 1, value: last, ci: { low: last - 0.05, high: last + 0.05 }, reward },
  };
}

const DEFAULT: RunsTableState = { q: null, sort: '-updated', group: null };

function renderTable(rows: RunRow[], state: Partial<RunsTableState> = {}) {
  const full = { ...DEFAULT, ...state };
  const view = runsTableView(rows, full);
  return render(
    <RunsTableProvider>
      <TrainingTable groups={view.groups} group={full.group} now={NOW} />
    </RunsTableProvider>,
    { wrapper: withNuqsTestingAdapter() },
  );
}

function renderOverview(rows: RunRow[], searchParams = '', state: Partial<RunsTableState> = {}) {
  const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
  render(
    <TrainingsOverview
      rows={rows}
      trainingIds={rows.map((r) => r.id)}
      state={{ ...DEFAULT, ...state }}
      now={NOW}
    />,
    { wrapper: withNuqsTestingAdapter({ searchParams, onUrlUpdate, hasMemory: true }) },
  );
  return { lastUrl: () => onUrlUpdate.mock.calls.at(-1)?.[0] };
}

const names = () => screen.getAllByTestId('run-row').map((tr) => tr.getAttribute('data-run'));

describe('TrainingTable in recency order', () => {
  it('lists the most recently updated training first, with how long ago it was written', () => {
    const now = NOW / 1000;
    renderTable([
      runRow(training('baseline', [now - 50 * HOUR, now - 26 * HOUR]), undefined),
      runRow(training('no-times'), undefined),
      runRow(training('ppo', [now - 30 * HOUR, now - 5 * 60]), undefined),
    ]);
    expect(names()).toEqual(['ppo', 'baseline', 'no-times']);
    const updated = screen.getAllByTestId('training-updated');
    expect(updated.map((cell) => cell.textContent)).toEqual(['5 min ago', '1 day ago', '—']);
    // 12:00 minus 5 minutes
    expect(updated[0].getAttribute('title')).toBe('2026-12-01T11:55:00Z');
  });
});

describe('TrainingTable and unscored runs', () => {
  it('says "unscored" for a run with no scored trajectory, and the figures of a scored one', () => {
    renderTable([runRow(training('swe-agent'), undefined), runRow(training('grpo'), figures(0.4, 0.5))], {
      sort: 'name',
    });
    const [scored, unscored] = screen.getAllByTestId('run-row');
    // Trend, pass@1 now, reward now.
    expect(unscored.textContent).toContain('unscoredunscoredunscored');
    expect(within(scored).getByTestId('run-pass').textContent).toBe('50.0%45.0%–55.0%');
    expect(scored.textContent).toContain('0.250');
    expect(scored.textContent).not.toContain('unscored');
  });
});

describe('a run name', () => {
  it('shows a tau2 name whole, wrapping only after its separators, all of it on hover; opens the Progress tab', () => {
    renderTable([runRow(training(LONG), undefined)]);
    const link = screen.getByRole('link', { name: LONG });
    expect(link.getAttribute('href')).toBe(
      '/analysis?training_id=tau2-384954369-airline-xai/grok-3-2025-10-05T22:50:14&tab=progress',
    );
    expect(link.getAttribute('title')).toContain(LONG);
    // 53 characters, within both widths' 80 and 96: one text, the domain and the model in it.
    expect(link.textContent).toBe(LONG);
    expect(link.querySelectorAll('span')).toHaveLength(0);
    // A line may end after "tau2-", "384954369-", "airline-", "xai/", "grok-", … and nowhere else.
    expect(link.querySelectorAll('wbr')).toHaveLength(LONG.split(/[-/:]/).length - 1);
    expect(screen.getByRole('button', { name: `Copy the name ${LONG}` })).toBeTruthy();
  });

  it('is shortened in the middle past 80 characters on a narrow screen and 96 on a wide one, keeping its end', () => {
    const longer = `${LONG}-temperature-0.7-top-p-0.95-max-turns-30-seed-12345`;
    renderTable([runRow(training(longer), undefined)]);
    const link = screen.getByRole('link', { name: longer });
    // 80: 31 characters from the start, 48 from the end; 96: 38 and 57.
    expect(Array.from(link.querySelectorAll('span')).map((s) => [s.className, s.textContent])).toEqual([
      ['lg:hidden', `${longer.slice(0, 31)}…${longer.slice(-48)}`],
      ['hidden lg:inline', `${longer.slice(0, 38)}…${longer.slice(-57)}`],
    ]);
  });

  it('says how many epochs a run has, then which: never a bare "0" for a run of one epoch', () => {
    const one = { ...training('single'), epoch_range: [0, 0] as [number, number], epoch_count: 1 };
    renderTable([runRow(training('two'), undefined), runRow(one, undefined)]);
    expect(screen.getAllByTestId('run-epochs').map((cell) => [cell.textContent, cell.title])).toEqual([
      ['1epoch 0', '1 epoch'],
      ['20–1', '2 epochs'],
    ]);
  });

  it('keeps a short name whole, and selects the latest scored epoch on the Progress tab', () => {
    renderTable([runRow(training('ppo'), figures(0.4, 0.5))]);
    const link = screen.getByRole('link', { name: 'ppo' });
    expect(link.textContent).toBe('ppo');
    expect(link.getAttribute('href')).toBe('/analysis?training_id=ppo&epoch_id=1&tab=progress');
  });
});

describe('the pass@1 trend', () => {
  it('is red for a run that fell beyond noise, green for one that rose, grey within noise', () => {
    renderTable(
      [
        runRow(training('collapse'), figures(0.6, 0.2)),
        runRow(training('learns'), figures(0.3, 0.7)),
        runRow(training('noise'), figures(0.5, 0.55)),
      ],
      { sort: 'name' },
    );
    expect(
      screen
        .getAllByTestId('pass-sparkline')
        .map((s) => [s.getAttribute('data-direction'), s.getAttribute('title')]),
    ).toEqual([
      [
        'down',
        'Pass@1 by epoch of collapse, on a 0–100% scale: 60.0% in epoch 0, 20.0% in epoch 1; down, beyond noise',
      ],
      [
        'up',
        'Pass@1 by epoch of learns, on a 0–100% scale: 30.0% in epoch 0, 70.0% in epoch 1; up, beyond noise',
      ],
      [
        'flat',
        'Pass@1 by epoch of noise, on a 0–100% scale: 50.0% in epoch 0, 55.0% in epoch 1; within noise',
      ],
    ]);
    expect(
      screen.getAllByTestId('run-change').map((c) => c.className.match(/text-(\w+)-700/)?.[1] ?? 'neutral'),
    ).toEqual(['rose', 'emerald', 'neutral']);
    // The scale is written beside every sparkline.
    expect(screen.getAllByTestId('pass-sparkline')[0].textContent).toBe('100%0%');
  });
});

describe('grouped', () => {
  it('heads each group with the grouping, its value, its size and how many went up or down', () => {
    renderTable(
      [
        runRow(training('tau2-1-airline-gpt'), figures(0.3, 0.7)),
        runRow(training('tau2-1-retail-gpt'), figures(0.6, 0.2)),
        runRow(training('tau2-1-airline-grok'), undefined),
      ],
      { group: 'part3', sort: 'name' },
    );
    expect(screen.getAllByTestId('run-group-header').map((h) => h.textContent)).toEqual([
      'Name part 3: airline · 2 runs · 1 up',
      'Name part 3: retail · 1 run · 1 down',
    ]);
    expect(names()).toEqual(['tau2-1-airline-gpt', 'tau2-1-airline-grok', 'tau2-1-retail-gpt']);
  });
});

describe('TrainingsOverview controls', () => {
  const rows = ['run-a', 'run-b', 'run-c'].map((id, i) =>
    runRow(training(id, [i, i + 10]), figures(0.5, 0.5)),
  );

  it('sorts from a header button, and says the order in aria-sort', async () => {
    const { lastUrl } = renderOverview(rows, '?runs_sort=-pass', { sort: '-pass' });
    const header = (name: string) => screen.getByRole('columnheader', { name });
    expect(header('Pass@1 now').getAttribute('aria-sort')).toBe('descending');
    expect(header('Run').getAttribute('aria-sort')).toBe('none');
    await userEvent.click(within(header('Run')).getByRole('button'));
    expect(lastUrl()!.queryString).toBe('?runs_sort=name');
    expect(lastUrl()!.options.shallow).toBe(false);
    await waitFor(() => expect(header('Run').getAttribute('aria-sort')).toBe('ascending'));
    await userEvent.click(within(header('Run')).getByRole('button'));
    await waitFor(() => expect(header('Run').getAttribute('aria-sort')).toBe('descending'));
    // Back to the default order: a bare URL.
    await userEvent.click(within(header('Updated')).getByRole('button'));
    expect(lastUrl()!.queryString).toBe('');
  });

  it('writes the search to the URL once typing stops', async () => {
    const { lastUrl } = renderOverview(rows);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search runs' }), 'run-b');
    await waitFor(() => expect(lastUrl()?.searchParams.get('runs_q')).toBe('run-b'));
    expect(lastUrl()!.options.history).toBe('replace');
  });

  it('groups from the select, which names each name part with its values', async () => {
    const { lastUrl } = renderOverview(rows);
    const select = screen.getByRole('combobox', { name: 'Group by' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No grouping', 'Agent', 'Dataset', 'Name part 1 (run)', 'Name part 2 (a, b, c)']);
    await userEvent.selectOptions(select, 'Name part 2 (a, b, c)');
    expect(lastUrl()!.queryString).toBe('?runs_group=part2');
  });

  it('compares the ticked runs in the order ticked, from two on', async () => {
    renderOverview(rows);
    const compare = () => screen.getByTestId('compare-selected');
    expect(compare().textContent).toBe('Compare selected (0)');
    expect(compare().getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select run-c to compare' }));
    expect(compare().getAttribute('href')).toBeNull();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select run-a to compare' }));
    expect(compare().textContent).toBe('Compare selected (2)');
    expect(compare().getAttribute('href')).toBe('/analysis?tab=comparison&training_ids=run-c,run-a');
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(compare().textContent).toBe('Compare selected (0)');
  });

  it('says when no run matches, with a way back to every run', () => {
    renderOverview(rows, '?runs_q=zzz', { q: 'zzz' });
    expect(screen.getByTestId('empty-state').textContent).toContain('No run matches “zzz”');
    expect(screen.getByRole('link', { name: 'Show every run' }).getAttribute('href')).toBe('/');
  });
});
