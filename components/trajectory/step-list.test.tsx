import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { stepView } from '@/lib/chart-data/step-view';
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
  it('shows every turn as what it is: user words, the agent reply, a failed call with its error message', () => {
    const turn = { action: null, action_input: null, observation: null, tool_status: null } as const;
    render(
      <StepList
        steps={[
          step({ ...turn, role: 'system', content: 'Be brief.' }),
          step({ ...turn, role: 'user', content: 'Cancel booking ABC123.' }),
          step({
            action: 'cancel',
            tool_status: 'error',
            observation: '',
            error: 'booking ABC123 not found',
          }),
          step({
            action: 'respond',
            action_input: null,
            observation: null,
            tool_status: null,
            content: 'Sorry.',
          }),
          // A reply stored before steps had `content`: its words were its observation.
          step({ action: 'respond', action_input: null, observation: 'Legacy words.', tool_status: null }),
        ]}
      />,
    );
    const steps = screen.getAllByTestId('step');
    expect(steps.map((s) => s.dataset.role)).toEqual([
      'system',
      'user',
      'assistant',
      'assistant',
      'assistant',
    ]);
    expect(steps[1].textContent).toBe('Step 2UserCancel booking ABC123.');
    expect(steps[2].textContent).toContain('Errorbooking ABC123 not found');
    expect(steps[3].textContent).toContain('ReplySorry.');
    expect(steps[4].textContent).toContain('ReplyLegacy words.');
    expect(steps[4].textContent).not.toContain('Observation');
  });

  it('renders markup in trajectory text as text: no script or image element is created', () => {
    const hostile = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
    render(<StepList steps={[step({ thought: hostile, observation: hostile, action_input: hostile })]} />);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    // The thought and the result as they are; the arguments, a string, between the quotes of JSON.
    expect(screen.getAllByText(hostile, { exact: true })).toHaveLength(2);
    expect(screen.getByTestId('step-arguments').textContent).toBe(`"${hostile}"`);
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
    const args = steps[1].querySelector('[data-testid="step-arguments"]')!;
    expect(args.querySelector('li')?.textContent).toBe('"code": "1/0"');
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
    expect(screen.getByRole('button', { name: 'Show all 50 lines' })).toBeTruthy();
  });

  it('shows one window of a long trajectory, numbered from its start, with links to the other windows', () => {
    const window = Array.from({ length: 200 }, (_, i) =>
      step({ step_id: 200 + i, observation: `obs ${200 + i}` }),
    );
    render(<StepList steps={window} from={200} total={450} windowHref={(from) => `/t?step=${from + 1}`} />);
    const shown = screen.getAllByTestId('step');
    expect(shown).toHaveLength(200);
    expect(shown[0].textContent).toContain('Step 201');
    expect(shown[199].textContent).toContain('Step 400');
    const [top] = screen.getAllByTestId('step-window-nav');
    expect(top.textContent).toContain('Steps 201–400 of 450');
    const links = [...top.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['« First', '/t?step=1'],
      ['‹ Previous', '/t?step=1'],
      ['Next ›', '/t?step=401'],
      ['Last »', '/t?step=401'],
    ]);
  });

  it('never renders more than one window, and without window links says where the rest is', () => {
    const steps = Array.from({ length: 450 }, (_, i) => step({ step_id: i }));
    render(<StepList steps={steps} total={450} />);
    expect(screen.getAllByTestId('step')).toHaveLength(200);
    expect(screen.getAllByTestId('step-window-nav')[0].textContent).toBe(
      'Steps 1–200 of 450 (the full page shows the others)',
    );
    expect(screen.getAllByTestId('step-window-nav')[0].querySelector('a')).toBeNull();
  });

  it('draws a 4,000-level JSON value 8 levels deep and opens the rest on request', async () => {
    const deep = JSON.parse(`${'{"a":'.repeat(4000)}"bottom"${'}'.repeat(4000)}`);
    render(<StepList steps={[step({ action_input: deep })]} />);
    const args = screen.getByTestId('step-arguments');
    expect(args.querySelectorAll('li')).toHaveLength(8);
    await userEvent.click(screen.getByRole('button', { name: '{… 1 key}' }));
    expect(args.querySelectorAll('li')).toHaveLength(16);
  });

  it('keys and values of JSON arguments are text, never markup', () => {
    const hostile = '<img src=x onerror="window.__pwned = true">';
    render(<StepList steps={[step({ action_input: { [hostile]: [hostile] } })]} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('step-arguments').textContent).toBe(
      `{${JSON.stringify(hostile)}: ["${hostile}"]}`,
    );
  });

  it('HTML and the data sent to the browser stay bounded for a deep value and a 5 MB text', () => {
    const plain = step({ action_input: { a: 1 }, observation: 'short' });
    const deep = step({ action_input: JSON.parse(`${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}`) });
    const huge = step({ observation: 'x'.repeat(5 * 1024 * 1024) });
    const html = (s: ReturnType<typeof step>) => renderToStaticMarkup(<StepList steps={[s]} />).length;
    const sent = (s: ReturnType<typeof step>) => JSON.stringify(stepView(s)).length;
    // Deep: 8 drawn levels plus the rest as one compact JSON string (6 characters a level, escaped quotes: 8).
    expect(html(deep) - html(plain)).toBeLessThan(2_000);
    expect(sent(deep)).toBeLessThan(3992 * 8 + 2_000);
    // Huge: the first 1,500 characters drawn, the first 20,000 sent.
    expect(html(huge) - html(plain)).toBeLessThan(1_500 + 500);
    expect(sent(huge)).toBeLessThan(20_000 + 500);
  });

  it('says so when there are no steps', () => {
    render(<StepList steps={[]} />);
    expect(screen.getByText('No steps recorded')).toBeTruthy();
  });
});
