import { cleanup, render, screen, within } from '@testing-library/react';
import { createLoader } from 'nuqs/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolContext, UnexpectedToolContexts } from '@/lib/analysis/stats/unexpected-tool-contexts';
import { dashboardParsers } from '@/lib/search-params';
import { ToolContextList } from './tool-context-list';

const load = createLoader(dashboardParsers);

const step = (action: string, tool_status: 'success' | 'error' | null, observation: string) => ({
  step_id: 0,
  thought: `thinking about ${action}`,
  action,
  action_input: { arg: action },
  observation,
  tool_status,
  process_reward: null,
});

const context = (overrides: Partial<ToolContext> = {}): ToolContext => ({
  trajectory_id: 'traj-1',
  training_id: 'run_a',
  epoch_id: 4,
  data_id: 'q1',
  question: 'What is 1/0?',
  reward: 0,
  termination_reason: 'tool_error',
  tool: 'python',
  step_index: 1,
  step_count: 3,
  before: step('search', 'success', 'found docs'),
  failed: step('python', 'error', 'ZeroDivisionError: <b>boom</b>'),
  after: null,
  ...overrides,
});

const result = (data: ToolContext[], tool: string | null = null): UnexpectedToolContexts => ({
  total: 120,
  limit: 50,
  offset: 0,
  tool,
  tools: { python: 100, search: 20 },
  data,
});

afterEach(cleanup);

describe('ToolContextList', () => {
  it('shows each failed call between the step before and after, linking the trajectory', () => {
    render(<ToolContextList contexts={result([context()])} params={load('?tab=tool-contexts')} />);
    const item = screen.getByTestId('tool-context-list').querySelector('li')!;
    expect(within(item).getByRole('link', { name: 'traj-1' }).getAttribute('href')).toBe(
      '/trajectories/traj-1',
    );
    expect(item.textContent).toContain('run_a · epoch 4 · step 2 of 3');
    expect(within(item).getByTestId('failed-step').textContent).toContain('ZeroDivisionError: <b>boom</b>');
    expect(item.querySelector('b')).toBeNull();
    const muted = within(item).getAllByTestId('context-step');
    expect(muted[0].textContent).toContain('found docs');
    expect(muted[1].textContent).toContain('The trajectory ends with this call.');
  });

  it('offers tool chips with counts that write `tool` and reset the page', () => {
    render(
      <ToolContextList
        contexts={result([context()], 'python')}
        params={load('?tab=tool-contexts&tool=python&page=2')}
      />,
    );
    const picker = screen.getByTestId('tool-picker');
    const all = within(picker).getByRole('link', { name: /all tools/ });
    expect(all.textContent).toContain('120');
    expect(all.getAttribute('href')).toBe('/analysis?tab=tool-contexts');
    const search = within(picker).getByRole('link', { name: /search/ });
    expect(search.getAttribute('href')).toBe('/analysis?tab=tool-contexts&tool=search');
    expect(
      within(picker)
        .getByRole('link', { name: /python/ })
        .getAttribute('aria-current'),
    ).toBe('true');
  });

  it('pages through the failed calls', () => {
    render(<ToolContextList contexts={result([context()])} params={load('?tab=tool-contexts')} />);
    expect(screen.getByText('1–50 of 120 failed calls')).toBeTruthy();
    expect(screen.getByRole('link', { name: '3' }).getAttribute('href')).toBe(
      '/analysis?tab=tool-contexts&page=3',
    );
  });

  it('says so when no call failed', () => {
    render(<ToolContextList contexts={{ ...result([]), total: 0, tools: {} }} params={load('')} />);
    expect(screen.getByText('No failed tool calls')).toBeTruthy();
  });
});
