// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StepList } from './step-list';
import type { Step } from './step-item';

const step = (overrides: Partial<Step> = {}): Step => ({
  step_id: 0,
  thought: null,
  action: 'search',
  action_input: { q: 'refund policy' },
  observation: 'ok',
  tool_status: 'success',
  process_reward: null,
  ...overrides,
});

afterEach(cleanup);

describe('StepList', () => {
  it('renders markup in trajectory text as text: no script or image element is created', () => {
    const hostile = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
    render(<StepList steps={[step({ thought: hostile, observation: hostile, action_input: hostile })]} />);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(hostile, { exact: true })).toHaveLength(3);
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('shows index, action, pretty-printed arguments, status and process reward', () => {
    render(
      <StepList
        steps={[
          step(),
          step({
            action: 'python',
            action_input: '{"code":"1/0"}',
            tool_status: 'error',
            observation: 'ZeroDivisionError',
            process_reward: 0.25,
          }),
        ]}
      />,
    );
    const steps = screen.getAllByTestId('step');
    expect(steps).toHaveLength(2);
    expect(steps[1].textContent).toContain('Step 2');
    expect(steps[1].textContent).toContain('python');
    expect(steps[1].textContent).toContain('error');
    expect(steps[1].textContent).toContain('process reward 0.250');
    expect(steps[1].querySelector('pre')?.textContent).toBe('{\n  "code": "1/0"\n}');
    expect(steps[0].textContent).toContain('success');
  });

  it('collapses a long observation to its head until "show more" is clicked', async () => {
    const long = 'A'.repeat(1500) + 'TAIL'.repeat(1000);
    render(<StepList steps={[step({ observation: long })]} />);
    expect(screen.queryByText(long)).toBeNull();
    expect(screen.getByText('A'.repeat(1500))).toBeTruthy();
    const toggle = screen.getByRole('button', { name: /Show more \(4,000 more characters\)/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(screen.getByText(long)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show less' }));
    expect(screen.queryByText(long)).toBeNull();
  });

  it('collapses an observation of many short lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    render(<StepList steps={[step({ observation: lines })]} />);
    expect(screen.getByRole('button', { name: /Show more/ })).toBeTruthy();
  });

  it('renders the first 200 of a very long trajectory and the rest on request', async () => {
    const steps = Array.from({ length: 450 }, (_, i) => step({ step_id: i, observation: `obs ${i}` }));
    render(<StepList steps={steps} />);
    expect(screen.getAllByTestId('step')).toHaveLength(200);
    await userEvent.click(screen.getByRole('button', { name: 'Show all 450 steps' }));
    expect(screen.getAllByTestId('step')).toHaveLength(450);
    expect(screen.getByText('obs 449')).toBeTruthy();
  });

  it('says so when there are no steps', () => {
    render(<StepList steps={[]} />);
    expect(screen.getByText('No steps recorded')).toBeTruthy();
  });
});
