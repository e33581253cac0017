import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailureSignatures } from '@/lib/analysis/stats/failure-signatures';
import { loadDashboard } from '@/lib/search-params';
import { FailureSignaturesCard } from './failure-signatures-card';

afterEach(cleanup);

const HOSTILE = 'Error: page returned <img src=x onerror=<str>>';

const RESULT: FailureSignatures = {
  signature_of: 'tool_calls',
  total_tool_errors: 5,
  total: 5,
  signature_count: 2,
  epochs: [
    { epoch_id: 0, trajectory_count: 4 },
    { epoch_id: 1, trajectory_count: 4 },
  ],
  signatures: [
    {
      signature: HOSTILE,
      example: 'Error: page returned <img src=x onerror="window.__xss=1">',
      count: 4,
      share: 0.8,
      trajectory_count: 2,
      by_epoch: { '1': 4 },
      first_epoch: 1,
      last_epoch: 1,
      trend: 'new',
      tools: { web_fetch: 4 },
      examples: ['t1'],
    },
  ],
};

describe('FailureSignaturesCard', () => {
  it('shows signatures and messages as text, with the trend, the line and the links', () => {
    const params = loadDashboard('?tab=failures&training_id=a');
    render(<FailureSignaturesCard result={RESULT} params={params} scope="every reward" />);
    const card = screen.getByTestId('card-failure-signatures');
    expect(card.querySelector('img')).toBeNull();
    const [row] = within(card).getAllByTestId('signature-row');
    expect(row.getAttribute('data-trend')).toBe('new');
    expect(within(row).getByTestId('signature-link').textContent).toBe(HOSTILE);
    expect(within(row).getByTestId('signature-example').textContent).toBe(
      'e.g. Error: page returned <img src=x onerror="window.__xss=1">',
    );
    const href = new URL(within(row).getByTestId('signature-link').getAttribute('href')!, 'http://x');
    expect(href.searchParams.get('signature')).toBe(HOSTILE);
    expect(within(row).getByTestId('signature-example-link').getAttribute('href')).toBe('/trajectories/t1');
    expect(within(row).getByTestId('signature-sparkline').querySelector('path')!.getAttribute('d')).toMatch(
      /^M/,
    );
    expect(card.textContent).toContain('5 failed tool calls in 2 signatures, every reward');
    expect(card.textContent).toContain('and 1 rarer signature (20% of the failures)');
  });

  it('gives a final answer, which no filter selects, a link to each of its example trajectories', () => {
    const answers: FailureSignatures = {
      ...RESULT,
      signature_of: 'final_answers',
      signatures: [{ ...RESULT.signatures[0], tools: {}, examples: ['t1', 't2', 't3'] }],
    };
    render(
      <FailureSignaturesCard result={answers} params={loadDashboard('?tab=failures')} scope="every reward" />,
    );
    expect(screen.queryByTestId('signature-link')).toBeNull();
    const links = within(screen.getByTestId('signature-examples')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['1', '/trajectories/t1'],
      ['2', '/trajectories/t2'],
      ['3', '/trajectories/t3'],
    ]);
  });

  it('says so when nothing failed', () => {
    const empty = { ...RESULT, total: 0, total_tool_errors: 0, signature_count: 0, signatures: [] };
    render(
      <FailureSignaturesCard result={empty} params={loadDashboard('?tab=failures')} scope="every reward" />,
    );
    expect(screen.getByTestId('empty-state').textContent).toContain('No failed tool calls');
  });
});
