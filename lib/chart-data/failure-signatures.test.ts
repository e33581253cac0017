import { describe, expect, it } from 'vitest';
import type { FailureSignatures } from '@/lib/analysis/stats/failure-signatures';
import { loadDashboard } from '@/lib/search-params';
import { signatureList } from './failure-signatures';

const SEATS = 'Error: not enough seats on flight <id>';

/** Two epochs of 10 and 40 trajectories; a seat error 2 then 4 times, an empty message once. */
const RESULT: FailureSignatures = {
  signature_of: 'tool_calls',
  total_tool_errors: 7,
  total: 7,
  signature_count: 3,
  epochs: [
    { epoch_id: 3, trajectory_count: 10 },
    { epoch_id: 5, trajectory_count: 40 },
  ],
  signatures: [
    {
      signature: SEATS,
      example: 'Error: not enough seats on flight HAT139',
      count: 6,
      share: 6 / 7,
      trajectory_count: 5,
      by_epoch: { '3': 2, '5': 4 },
      first_epoch: 3,
      last_epoch: 5,
      trend: 'steady',
      tools: { update_reservation_flights: 5, book_reservation: 1 },
      examples: ['t/5', 't-2'],
    },
    {
      signature: '',
      example: '',
      count: 1,
      share: 1 / 7,
      trajectory_count: 1,
      by_epoch: { '5': 1 },
      first_epoch: 5,
      last_epoch: 5,
      trend: 'new',
      tools: { search: 1 },
      examples: [],
    },
  ],
};

describe('signatureList', () => {
  const params = loadDashboard('?tab=failures&training_id=run&page=3');

  it('draws each signature by its rate per trajectory, scaled to its own peak: 2/10 is the top, 4/40 half', () => {
    const [seats] = signatureList(RESULT, params).rows;
    expect(seats.peakRate).toBeCloseTo(0.2, 12);
    expect(seats.points).toEqual([
      { epoch: 3, value: 1 },
      { epoch: 5, value: 0.5 },
    ]);
    expect([seats.countText, seats.tools]).toEqual([
      '6 · 86%',
      ['update_reservation_flights 5', 'book_reservation 1'],
    ]);
    expect([seats.trendColor, seats.firstEpoch]).toEqual(['slate', 3]);
  });

  it('gives an epoch without the signature a 0, and an empty message a name and no filter link', () => {
    const [, empty] = signatureList(RESULT, params).rows;
    expect(empty.points).toEqual([
      { epoch: 3, value: 0 },
      { epoch: 5, value: 1 },
    ]);
    expect([empty.label, empty.href, empty.exampleHref, empty.trendColor]).toEqual([
      '(no error message)',
      null,
      null,
      'rose',
    ]);
  });

  it('links a signature to the failure list narrowed by it (first page), and marks the active one', () => {
    const [seats] = signatureList(RESULT, params).rows;
    const href = new URL(seats.href!, 'http://x');
    expect(href.pathname).toBe('/analysis');
    expect(href.searchParams.get('signature')).toBe(SEATS);
    expect(href.searchParams.get('training_id')).toBe('run');
    expect(href.searchParams.get('tab')).toBe('failures');
    expect(href.searchParams.has('page')).toBe(false);
    expect(seats.active).toBe(false);
    expect(seats.exampleHref).toBe('/trajectories/t%2F5');
    expect(seats.exampleHrefs).toEqual(['/trajectories/t%2F5', '/trajectories/t-2']);
    const narrowed = loadDashboard(`?tab=failures&training_id=run&signature=${encodeURIComponent(SEATS)}`);
    expect(signatureList(RESULT, narrowed).rows[0].active).toBe(true);
  });

  it('draws no line over a single epoch', () => {
    const one = { ...RESULT, epochs: RESULT.epochs.slice(1), signatures: RESULT.signatures.slice(1) };
    expect(signatureList(one, params).rows[0].points).toEqual([]);
  });

  it('says how many there are, and offers the other view', () => {
    const list = signatureList({ ...RESULT, signatures: RESULT.signatures.slice(0, 1) }, params);
    expect([list.summary, list.hidden]).toEqual(['7 failed tool calls in 3 signatures', 2]);
    expect(list.hiddenShare).toBeCloseTo(1 / 7, 12);
    expect(list.modes.map((mode) => [mode.label, mode.active])).toEqual([
      ['Tool errors', true],
      ['Answers', false],
    ]);
    expect(new URL(list.modes[1].href, 'http://x').searchParams.get('signature_of')).toBe('final_answers');
    expect(new URL(list.modes[0].href, 'http://x').searchParams.has('signature_of')).toBe(false);
  });

  it('names final answers as such and never offers them as a filter', () => {
    const answers = signatureList(
      {
        ...RESULT,
        signature_of: 'final_answers',
        total: 1,
        signature_count: 1,
        signatures: [RESULT.signatures[1]],
      },
      params,
    );
    expect(answers.summary).toBe('1 failed trajectory in 1 signature');
    expect([answers.rows[0].label, answers.rows[0].href]).toEqual(['(empty answer)', null]);
    expect(answers.modes.map((mode) => mode.active)).toEqual([false, true]);
  });
});
