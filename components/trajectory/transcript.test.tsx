import '../test-setup';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrajectoryDetail } from '@/lib/analysis/records/trajectory';
import { stepHref } from '@/lib/search-params';
import { CompareView } from './compare-view';
import { SiblingList } from './sibling-list';
import { StepList } from './step-list';
import type { Step } from './step-item';
import { TranscriptNav } from './transcript-nav';

const step = (overrides: Partial<Step> = {}): Step => ({
  step_id: 0,
  thought: null,
  action: 'search',
  action_input: { q: 'refund policy', filter: '' },
  observation: 'ok',
  tool_status: 'success',
  process_reward: null,
  ...overrides,
});
const turn = (role: 'system' | 'user', content: string): Step =>
  step({ role, content, action: null, action_input: null, observation: null, tool_status: null });

/** A conversation of six steps: the system prompt, a user turn, two calls (the second failed), a reply, a user turn. */
const conversation: Step[] = [
  turn('system', '# Airline policy\nBe brief.\nNever guess.'),
  turn('user', 'I want a refund for ABC123.'),
  step({ tokens: 312, latency_s: 1.25 }),
  step({
    action: 'refund',
    action_input: { id: 'ABC123' },
    tool_status: 'error',
    observation: 'Error: too late',
  }),
  step({
    action: 'respond',
    content: 'Sorry, no refund is possible.',
    action_input: null,
    observation: null,
    tool_status: null,
  }),
  turn('user', 'OK, thanks.'),
];

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('the transcript as a conversation', () => {
  it('folds the system prompt to one line, keeps every user turn, pairs each call with its result', () => {
    render(<StepList steps={conversation} stepHref={(n) => stepHref('t', n)} />);
    const steps = screen.getAllByTestId('step');
    expect(steps.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3', 'step-4', 'step-5', 'step-6']);
    expect(steps.map((s) => s.dataset.role)).toEqual([
      'system',
      'user',
      'assistant',
      'assistant',
      'assistant',
      'user',
    ]);

    const system = screen.getByTestId('system-turn') as HTMLDetailsElement;
    expect(system.open).toBe(false);
    expect(system.querySelector('summary')!.textContent).toBe(
      '▸# Airline policyShow the system prompt (3 lines)Hide',
    );
    expect(steps[1].textContent).toContain('I want a refund for ABC123.');
    expect(steps[5].textContent).toContain('OK, thanks.');

    // A call: its arguments as JSON (quotes kept, the empty string visible), its result, its cost.
    expect(within(steps[2]).getByTestId('step-arguments').textContent).toBe(
      '{"q": "refund policy""filter": ""}',
    );
    expect(steps[2].textContent).toContain('Tool call');
    expect(within(steps[2]).getByTestId('step-result').textContent).toBe('Resultok');
    expect(within(steps[2]).getByTestId('step-cost').textContent).toBe('312 tokens · 1.25 s');
    // The failed call is marked, with its message.
    expect(steps[3].dataset.failed).toBe('true');
    expect(within(steps[3]).getByTestId('step-result').textContent).toBe('ResultError: too late');
    expect(steps[3].textContent).toContain('error');
    // The reply is the agent's words, never an observation.
    expect(steps[4].textContent).toContain('ReplySorry, no refund is possible.');
    expect(screen.queryByText('Observation')).toBeNull();
  });

  it('gives each step a link to itself and copy controls only when the page can link it', () => {
    render(
      <StepList
        steps={conversation.slice(0, 2)}
        from={200}
        total={450}
        stepHref={(n) => stepHref('t/1', n)}
      />,
    );
    const [first] = screen.getAllByTestId('step');
    expect(first.id).toBe('step-201');
    expect(within(first).getByRole('link', { name: 'Step 201' }).getAttribute('href')).toBe('#step-201');
    expect(within(first).getByRole('button', { name: 'Copy link to step 201' })).toBeTruthy();
    expect(within(first).queryByRole('button', { name: /Copy JSON/ })).toBeNull();
    cleanup();
    render(<StepList steps={conversation.slice(0, 1)} />);
    expect(screen.queryByTestId('step-actions')).toBeNull();
  });

  it('copies the link the server reads, and the JSON of the step from the record', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const record = { steps: [...Array.from({ length: 300 }, () => step()), ...conversation] };
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(JSON.stringify(record)));
    try {
      render(
        <StepList
          steps={conversation}
          from={300}
          total={400}
          q="refund"
          recordHref="/api/trajectories/t"
          stepHref={(n) => stepHref('t', n, 'refund')}
        />,
      );
      await userEvent.click(screen.getByRole('button', { name: 'Copy link to step 302' }));
      expect(writeText).toHaveBeenLastCalledWith(
        `${window.location.origin}/trajectories/t?q=refund&step=302#step-302`,
      );
      expect(await screen.findAllByText('Copied')).toHaveLength(1);
      await userEvent.click(screen.getByRole('button', { name: 'Copy JSON of step 304' }));
      await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
      expect(fetched).toHaveBeenCalledWith('/api/trajectories/t', expect.anything());
      expect(JSON.parse(writeText.mock.calls[1][0])).toEqual(conversation[3]);
    } finally {
      fetched.mockRestore();
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('opens a long text whose search word lies past its head, so that the mark is there to jump to', () => {
    const long = Array.from({ length: 40 }, (_, i) => (i === 30 ? 'a zebra here' : `line ${i}`)).join('\n');
    render(
      <StepList
        steps={[step({ observation: long }), step({ observation: long.replace('zebra', 'horse') })]}
        q="zebra"
      />,
    );
    const [withWord, without] = screen.getAllByTestId('step');
    expect(within(withWord).getByRole('button', { name: 'Show less' })).toBeTruthy();
    expect(withWord.querySelector('mark')?.textContent).toBe('zebra');
    expect(within(without).getByRole('button', { name: 'Show all 40 lines' })).toBeTruthy();
  });
});

describe('jumps in the transcript', () => {
  const steps = Array.from({ length: 6 }, (_, i) =>
    step({ observation: i === 1 || i === 3 ? `the refund of ${i}` : `nothing at ${i}` }),
  );

  function page(props: Partial<Parameters<typeof TranscriptNav>[0]> = {}) {
    render(
      <>
        <input aria-label="a field" />
        <TranscriptNav
          trajectoryId="t"
          q="refund"
          from={0}
          shown={6}
          firstError={4}
          matchSteps={[1, 3, 300]}
          {...props}
        />
        <StepList steps={steps} total={400} q={props.q === undefined ? 'refund' : props.q} />
      </>,
    );
  }

  beforeEach(() => window.history.replaceState(null, '', '/trajectories/t?q=refund'));

  it('"first error" scrolls to it within the window (and by its key, e), or links the window holding it', async () => {
    page();
    const link = screen.getByRole('link', { name: 'First error: step 5' });
    expect(link.getAttribute('href')).toBe('#step-5');
    await userEvent.click(link);
    expect(window.location.hash).toBe('#step-5');
    expect(document.getElementById('step-5')!.dataset.current).toBe('true');
    window.history.replaceState(null, '', '/trajectories/t?q=refund');
    fireEvent.keyDown(document.body, { key: 'e' });
    expect(window.location.hash).toBe('#step-5');
    cleanup();
    page({ firstError: 1501 });
    expect(screen.getByRole('link', { name: 'First error: step 1,502' }).getAttribute('href')).toBe(
      '/trajectories/t?q=refund&step=1502#step-1502',
    );
    cleanup();
    page({ firstError: null });
    expect(screen.getByText('No failed calls')).toBeTruthy();
  });

  it('next and previous match walk the matching steps, marking the current one; past the window they link it', async () => {
    page();
    const nav = screen.getByTestId('match-nav');
    expect(nav.textContent).toContain('3 matching steps');
    fireEvent.keyDown(document.body, { key: 'n' });
    expect(window.location.hash).toBe('#step-2');
    expect(document.querySelector('#step-2 mark')!.getAttribute('data-current-match')).toBe('true');
    expect(nav.textContent).toContain('Match 1 of 3');
    fireEvent.keyDown(document.body, { key: ']' });
    expect(window.location.hash).toBe('#step-4');
    expect(document.querySelector('#step-2 mark')!.hasAttribute('data-current-match')).toBe(false);
    expect(nav.textContent).toContain('Match 2 of 3');
    // The third match is in another window: the link opens it.
    expect(within(nav).getByRole('link', { name: 'Next match ›' }).getAttribute('href')).toBe(
      '/trajectories/t?q=refund&step=301#step-301',
    );
    fireEvent.keyDown(document.body, { key: 'N' });
    expect(window.location.hash).toBe('#step-2');
    fireEvent.keyDown(document.body, { key: '[' });
    expect(window.location.hash).toBe('#step-2');
    expect(within(nav).getByText('‹ Previous match').getAttribute('aria-disabled')).toBe('true');
  });

  it('leaves keys typed into a field, or with a modifier, alone', async () => {
    page();
    const field = screen.getByRole('textbox', { name: 'a field' });
    await userEvent.type(field, 'ne]');
    expect(field).toHaveProperty('value', 'ne]');
    fireEvent.keyDown(document.body, { key: 'n', ctrlKey: true });
    expect(window.location.hash).toBe('');
  });

  it('without a search has no match controls, and says its keys', () => {
    page({ q: null, matchSteps: [] });
    expect(screen.queryByTestId('match-nav')).toBeNull();
    expect(screen.getByTestId('key-help').textContent).toBe('Keys: e first error');
  });

  it('marks the step the URL names once the page is drawn', () => {
    window.history.replaceState(null, '', '/trajectories/t?q=refund#step-4');
    act(() => page());
    expect(document.getElementById('step-4')!.dataset.current).toBe('true');
    expect(screen.getByTestId('match-nav').textContent).toContain('Match 2 of 3');
  });
});

describe('two trajectories side by side', () => {
  it('is one click from the other samples of the question (not from the one on show)', () => {
    const sibling = (id: string, sample: number) => ({
      trajectory_id: id,
      sample_id: sample,
      reward: 0,
      termination_reason: 'finished',
    });
    render(<SiblingList siblings={[sibling('x/0', 0), sibling('x/1', 1)]} currentId="x/1" />);
    expect(screen.getAllByRole('link', { name: 'compare' }).map((link) => link.getAttribute('href'))).toEqual(
      ['/trajectories/compare?a=x%2F1&b=x%2F0'],
    );
  });

  const detail = (id: string, steps: Step[], from = 0): TrajectoryDetail => ({
    trajectory_id: id,
    training_id: 'run',
    epoch_id: 2,
    iteration_id: 0,
    sample_id: id === 'a' ? 0 : 1,
    data_id: 'q1',
    question: null,
    reward: id === 'a' ? 1 : 0,
    termination_reason: 'finished',
    agent_name: null,
    created_at: null,
    step_count: steps.length,
    tool_call_count: 0,
    tool_error_count: 0,
    tools_used: [],
    tools_failed: [],
    process_reward_mean: null,
    turn_count: from + steps.length,
    dataset: null,
    reward_components: null,
    metrics: {},
    metadata: null,
    steps_from: from,
    steps,
  });

  it('aligns step i beside step i, marks the first difference and says where they part', () => {
    const a = conversation.slice(0, 4);
    const b = [...conversation.slice(0, 3), step({ action: 'cancel' }), turn('user', 'Bye')];
    render(
      <CompareView
        a={detail('a', a)}
        b={detail('b', b)}
        total={5}
        size={100}
        difference={{ index: 3, field: 'action' }}
        rows={[null, null, null, 'action', 'missing']}
      />,
    );
    expect(screen.getByTestId('difference-summary').textContent).toBe(
      'Identical up to step 3; step 4: a different action.',
    );
    const rows = screen.getAllByTestId('compare-row');
    expect(rows.map((row) => row.id)).toEqual(['step-1', 'step-2', 'step-3', 'step-4', 'step-5']);
    expect(rows.map((row) => row.dataset.firstDifference ?? null)).toEqual([null, null, null, 'true', null]);
    expect(rows[2].textContent).toContain('same in both');
    expect(rows[3].textContent).toContain('First difference: action differs');
    expect(
      within(rows[3])
        .getAllByTestId('step')
        .map((s) => s.textContent?.match(/search|refund|cancel/)?.[0]),
    ).toEqual(['refund', 'cancel']);
    expect(rows[4].textContent).toContain('A has no step 5');
    expect(screen.getByRole('link', { name: 'Go to step 4 →' }).getAttribute('href')).toBe('#step-4');
    expect(screen.getByRole('link', { name: 'Swap sides' }).getAttribute('href')).toBe(
      '/trajectories/compare?a=b&b=a',
    );
    // Cells carry no anchors of their own: the row is the step.
    expect(document.querySelectorAll('[id^="step-"]')).toHaveLength(5);
  });

  it('links the window holding a first difference beyond this one', () => {
    render(
      <CompareView
        a={detail('a', conversation.slice(0, 2))}
        b={detail('b', conversation.slice(0, 2))}
        total={2000}
        size={100}
        difference={{ index: 1233, field: 'arguments' }}
        rows={[null, null]}
      />,
    );
    expect(screen.getByRole('link', { name: 'Go to step 1,234 →' }).getAttribute('href')).toBe(
      '/trajectories/compare?a=a&b=b&step=1234#step-1234',
    );
    expect(screen.getAllByTestId('step-window-nav')[0].textContent).toContain('Steps 1–100 of 2,000');
  });
});
