import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDb } from '../../test-support/fixture';
import { ingestFiles } from '../ingest';
import { normalizeRecord } from '../normalize';
import { tau2Importer } from './tau2';
import { convertOne, MINIMAL_RECORDS, readJson, TEST_DATA, type Json } from './test-support';
import type { NativeRecord } from './types';

interface RawCall {
  id: string;
  name: string;
  arguments: unknown;
  requestor: 'assistant' | 'user';
}
interface RawMessage {
  role: string;
  content: string | null;
  tool_calls?: RawCall[] | null;
  id?: string;
  error?: boolean;
  usage?: { completion_tokens: number; prompt_tokens: number };
}
interface RawSimulation {
  id: string;
  task_id: string;
  trial: number;
  messages: RawMessage[];
  reward_info: { reward: number };
}
interface RawTask {
  id: string;
  user_scenario: { instructions: Record<string, string | null> };
}
interface ResultsFile {
  timestamp: string;
  info: Json;
  tasks: RawTask[];
  simulations: RawSimulation[];
}

const DIR = path.join(TEST_DATA, 'tau2-bench');

function readResults(file: string): { header: Json; simulations: RawSimulation[]; tasks: RawTask[] } {
  const { simulations, ...header } = readJson<ResultsFile>(path.join(DIR, file));
  return { header, simulations, tasks: header.tasks };
}

function convertAll(file: string): NativeRecord[] {
  const { header, simulations } = readResults(file);
  return simulations.map((simulation, index) =>
    convertOne(tau2Importer, simulation as unknown as Json, { source: file, header, index }),
  );
}

/** Raw tool calls of one side, each with its result found by id. */
function rawCalls(simulation: RawSimulation, requestor: 'assistant' | 'user') {
  const results = new Map(
    simulation.messages.filter((message) => message.role === 'tool').map((message) => [message.id, message]),
  );
  return simulation.messages
    .flatMap((message) => message.tool_calls ?? [])
    .filter((call) => call.requestor === requestor)
    .map((call) => ({ call, result: results.get(call.id) }));
}

const callSteps = (record: NativeRecord, role: 'assistant' | 'user') =>
  record.steps.filter((step) => step.role === role && step.action !== undefined && step.action !== 'respond');

describe('tau2 importer on grok-3 airline simulations', () => {
  const file = 'airline-grok-3-trimmed.json';
  const { header, simulations, tasks } = readResults(file);
  const records = convertAll(file);

  it('detects every simulation', () => {
    for (const [index, simulation] of simulations.entries()) {
      expect(tau2Importer.detect(simulation as unknown as Json, { source: file, header, index })).toBe(true);
    }
  });

  it('maps ids, rewards and termination', () => {
    expect(records.map((record) => record.data_id)).toEqual([
      'tau2/airline:11',
      'tau2/airline:0',
      'tau2/airline:15',
      'tau2/airline:8',
    ]);
    expect(records.map((record) => record.reward)).toEqual([0, 1, 0, 0]);
    expect(records.map((record) => record.termination_reason)).toEqual(Array(4).fill('user_stop'));
    expect(records[1].reward_components).toEqual({ DB: 1, COMMUNICATE: 1 });
    expect(records[2].reward_components).toEqual({ DB: 0, COMMUNICATE: 1 });
    expect(records[1]).toMatchObject({
      dataset: 'tau2',
      sample_id: 0,
      trajectory_id: 'd8c541a8-f48f-467c-b8a6-686533b2b4da',
      agent_name: 'xai/grok-3',
      training_id: 'tau2-airline-xai/grok-3-2025-10-05T22:50:14.284120',
    });
    expect(records[1].metrics).toMatchObject({
      latency_s: 32.475236442000096,
      cost_usd: 0.09246000000000001,
    });
    expect(records[1].metrics?.truncated).toBe(0);
  });

  it('renders the structured instructions of the matching task as text', () => {
    const question = records[1].question ?? '';
    expect(question.startsWith('Reason for call:\nYou want to cancel reservation EHGLP3.')).toBe(true);
    expect(question).toContain('Known info:\nYou are Emma Kim.\nYour user id is emma_kim_9957.');
    expect(question).toContain('Task instructions:\nIf Agent tells you that cancellation is not possible,');
    expect(question).not.toContain('{');
    // Every non-empty instruction field of the task (other than the domain) is in the question.
    for (const record of records) {
      const taskId = record.data_id?.toString().split(':')[1];
      const task = tasks.find((candidate) => candidate.id === taskId);
      for (const [key, value] of Object.entries(task?.user_scenario.instructions ?? {})) {
        if (key !== 'domain' && value) expect(record.question).toContain(value.trim());
      }
    }
  });

  it('task 15: keeps every user turn and the failed flight update', () => {
    const record = records[2];
    const simulation = simulations[2];
    const users = record.steps.filter((step) => step.role === 'user');
    const rawUsers = simulation.messages.filter((message) => message.role === 'user');
    expect(users).toHaveLength(8);
    expect(users.map((step) => step.content)).toEqual(rawUsers.map((message) => message.content));

    const calls = callSteps(record, 'assistant');
    const expected = rawCalls(simulation, 'assistant');
    expect(calls.map((step) => [step.action, step.action_input, step.observation])).toEqual(
      expected.map(({ call, result }) => [call.name, call.arguments, result?.content]),
    );
    const failed = calls.filter((step) => step.tool_status === 'error');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      action: 'update_reservation_flights',
      error: 'Error: Certificate cannot be used to update reservation',
    });
    expect(calls.map((step) => step.action)).toEqual([
      'get_user_details',
      'get_reservation_details',
      'get_reservation_details',
      'search_direct_flight',
      'search_onestop_flight',
      'update_reservation_flights',
      'update_reservation_flights',
    ]);
  });

  it('task 8: the failed booking and the retry', () => {
    const calls = callSteps(records[3], 'assistant');
    expect(
      calls.filter((step) => step.action === 'book_reservation').map((step) => step.tool_status),
    ).toEqual(['error', 'success']);
    expect(calls.find((step) => step.tool_status === 'error')?.error).toBe(
      'Error: Not enough seats on flight HAT139',
    );
  });

  it('keeps the turns in order, with the agent text that came with a call as its thought', () => {
    const simulation = simulations[0];
    const record = records[0];
    const rawOrder = simulation.messages.flatMap((message) =>
      message.role === 'tool'
        ? []
        : message.tool_calls?.length
          ? message.tool_calls.map((call) => call.name)
          : [message.role === 'assistant' ? 'respond' : message.role],
    );
    expect(record.steps.map((step) => step.action ?? step.role)).toEqual(rawOrder);
    const transfer = callSteps(record, 'assistant')[0];
    const rawTransfer = simulation.messages.find((message) => message.tool_calls?.length);
    expect(transfer.action).toBe('transfer_to_human_agents');
    expect(transfer.thought).toBe(rawTransfer?.content);
    expect(transfer.tokens).toBe(rawTransfer?.usage?.completion_tokens);
  });

  it('sums the agent turns’ token usage', () => {
    const simulation = simulations[3];
    const agent = simulation.messages.filter((message) => message.role === 'assistant' && message.usage);
    expect(records[3].metrics).toMatchObject({
      prompt_tokens: agent.reduce((sum, message) => sum + (message.usage?.prompt_tokens ?? 0), 0),
      response_tokens: agent.reduce((sum, message) => sum + (message.usage?.completion_tokens ?? 0), 0),
    });
  });
});

describe('tau2 importer on grok-3 telecom simulations (the user calls tools too)', () => {
  const file = 'telecom-grok-3-trimmed.json';
  const { simulations } = readResults(file);
  const records = convertAll(file);

  it('maps ids and rewards', () => {
    expect(records.map((record) => record.data_id)).toEqual([
      'tau2/telecom:[mobile_data_issue]data_mode_off|data_usage_exceeded[PERSONA:None]',
      'tau2/telecom:[mobile_data_issue]data_saver_mode_on|data_usage_exceeded[PERSONA:Easy]',
    ]);
    expect(records.map((record) => record.reward)).toEqual([1, 0]);
    expect(records[0].reward_components).toEqual({ ENV_ASSERTION: 1 });
    expect(records[0].question).toMatch(/^Reason for call:\nYou mobile data is not working properly\./);
  });

  it('keeps the user’s device actions as user steps, apart from the agent’s calls', () => {
    const record = records[0];
    const userCalls = callSteps(record, 'user');
    expect(userCalls.map((step) => step.action)).toEqual([
      'run_speed_test',
      'check_network_status',
      'toggle_data',
      'run_speed_test',
    ]);
    expect(userCalls.map((step) => step.observation)).toEqual(
      rawCalls(simulations[0], 'user').map(({ result }) => result?.content),
    );
    expect(userCalls[0]).toMatchObject({
      observation: 'Speed test failed: No Connection.',
      tool_status: 'success',
    });
    expect(callSteps(record, 'assistant').map((step) => step.action)).toEqual([
      'get_customer_by_phone',
      'get_details_by_id',
      'get_details_by_id',
      'get_details_by_id',
      'get_details_by_id',
      'refuel_data',
    ]);
    const spoken = record.steps.filter((step) => step.role === 'user' && step.action === undefined);
    expect(spoken).toHaveLength(10);
    expect(spoken[0].content).toMatch(/^Hi, I'm having some issues with my mobile data\./);
  });
});

describe('tau2 importer: output', () => {
  it('gives valid native records, counting only the agent’s calls as its tool calls', () => {
    const rows = ['airline-grok-3-trimmed.json', 'telecom-grok-3-trimmed.json'].flatMap((file) =>
      convertAll(file).map((record) =>
        normalizeRecord(record, { format: 'steps', defaults: { epoch_id: 0 } }),
      ),
    );
    expect(rows.map((row) => (row.ok ? [] : row.errors))).toEqual(Array(6).fill([]));
    // Telecom simulation 0: 6 agent calls (the user's 4 device actions are not the agent's).
    const telecom = rows[4];
    expect(telecom.ok && telecom.row.tool_call_count).toBe(6);
  });
});

describe('tau2 importer: mapping rules on small simulations', () => {
  const header = {
    timestamp: '2025-01-01T00:00:00',
    info: { agent_info: { llm: 'gpt-4.1' }, environment_info: { domain_name: 'retail' } },
    tasks: [{ id: '3', user_scenario: { instructions: 'Return the lamp.' } }],
  };
  const convert = (simulation: Json) =>
    convertOne(tau2Importer, simulation, { source: 'x.json', header, index: 0 });
  const base = { id: 'sim', task_id: '3', trial: 2, messages: [] as Json[], reward_info: null };

  it('keeps string instructions and gives no reward without reward_info', () => {
    const record = convert({ ...base, termination_reason: 'max_steps' });
    expect(record).toMatchObject({ question: 'Return the lamp.', reward: null, sample_id: 2 });
    expect(record.termination_reason).toBe('max_steps');
    expect(record.metrics?.truncated).toBe(1);
  });

  it('names errors and limits', () => {
    expect(convert({ ...base, termination_reason: 'too_many_errors' }).termination_reason).toBe('error');
    expect(convert({ ...base, termination_reason: 'context_window_exceeded' }).termination_reason).toBe(
      'context_limit',
    );
    expect(convert({ ...base, termination_reason: 'agent_stop' }).termination_reason).toBe('agent_stop');
  });

  it('flattens multi-tool messages and marks error results', () => {
    const record = convert({
      ...base,
      termination_reason: 'agent_stop',
      messages: [
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'a', name: 'find_order', arguments: { id: 1 }, requestor: 'assistant' },
            { id: 'b', name: 'return_items', arguments: { id: 1 }, requestor: 'assistant' },
          ],
        },
        {
          role: 'tool',
          tool_messages: [
            { role: 'tool', id: 'b', content: 'Order is not delivered', requestor: 'assistant', error: true },
            { role: 'tool', id: 'a', content: '{"id": 1}', requestor: 'assistant', error: false },
          ],
        },
      ],
    });
    expect(record.steps).toEqual([
      expect.objectContaining({ action: 'find_order', tool_status: 'success', observation: '{"id": 1}' }),
      expect.objectContaining({
        action: 'return_items',
        tool_status: 'error',
        error: 'Order is not delivered',
      }),
    ]);
  });
});

describe('tau2 importer on a results file with no simulations (a run stopped before its first)', () => {
  const file = 'airline-gpt-4.1-no-simulations.json';
  const results = readJson<ResultsFile>(path.join(DIR, file));

  it('recognises the whole file and makes no records of it', () => {
    const context = { source: file, index: 0 };
    expect(results.simulations).toEqual([]);
    expect(tau2Importer.detect(results as unknown as Json, context)).toBe(true);
    expect(tau2Importer.convert(results as unknown as Json, context)).toEqual({ ok: true, records: [] });
  });

  it('loads with nothing rejected', async () => {
    const db = tempDb();
    try {
      const summary = await ingestFiles([path.join(DIR, file)], { db: db.config });
      expect([summary.inserted, summary.rejected]).toEqual([0, 0]);
    } finally {
      db.cleanup();
    }
  });
});

describe('tau2 importer: detect', () => {
  it('is false on the other formats', () => {
    const context = { source: 'x', index: 0 };
    const inspectLog = readJson<{ samples: Json[] }>('inspect/2025-05-12T20-28-13-04-00_popularity.json');
    const tauBench = readJson<Json[]>('tau-bench-raw/gpt-4o-airline-slice.json');
    // A chat record with tau2's own fields, which only its envelope tells apart.
    const messages = { ...MINIMAL_RECORDS.messages, termination_reason: 'x', trial: 0 };
    const others: Json[] = [
      inspectLog.samples[0],
      tauBench[0],
      ...Object.values({ ...MINIMAL_RECORDS, messages }),
    ];
    for (const record of others) expect(tau2Importer.detect(record, context)).toBe(false);
  });
});
