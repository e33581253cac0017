import '../test-setup';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withNuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LineChart } from '@tremor/react';
import { donutData } from '@/lib/chart-data/overview';
import { SeriesLineChart } from './series-line-chart';
import { TerminationDonutFilter } from './termination-donut-filter';

type LineChartProps = ComponentProps<typeof LineChart>;
const lineChartProps: { current: LineChartProps | null } = { current: null };

// Recharts draws nothing at jsdom's zero size: capture what the wrapper hands to Tremor instead.
vi.mock('@tremor/react', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tremor/react')>()),
  LineChart: (props: LineChartProps) => {
    lineChartProps.current = props;
    return null;
  },
}));

function withUrl(searchParams: string) {
  const onUrlUpdate = vi.fn<(event: UrlUpdateEvent) => void>();
  return {
    wrapper: withNuqsTestingAdapter({ searchParams, onUrlUpdate }),
    lastUrl: () => onUrlUpdate.mock.calls.at(-1)?.[0],
    onUrlUpdate,
  };
}

afterEach(cleanup);

describe('SeriesLineChart', () => {
  const series = {
    index: 'epoch',
    categories: ['Pass@1'],
    colors: ['emerald' as const],
    rows: [
      { epoch: 1, 'Pass@1': 0.2 },
      { epoch: 2, 'Pass@1': null },
    ],
  };

  it('draws gaps for nulls, with explicit categories, colours and a formatter', () => {
    const { wrapper } = withUrl('');
    render(<SeriesLineChart series={series} format="percent" label="Pass@1 by epoch" />, { wrapper });
    const props = lineChartProps.current!;
    expect(props.connectNulls).toBe(false);
    expect(props.categories).toEqual(['Pass@1']);
    expect(props.colors).toEqual(['emerald']);
    expect(props.data).toBe(series.rows);
    expect(props.valueFormatter?.(0.25)).toBe('25.0%');
    expect(props.onValueChange).toBeUndefined();
  });

  it('hands the chart a domain whose five ticks are round: 0 .. 25 % for a rate of 20 %', () => {
    const { wrapper } = withUrl('');
    render(<SeriesLineChart series={series} format="percent" label="Pass@1 by epoch" />, { wrapper });
    // 0.2 / 4 = 0.05 → step 0.05 from 0 ends at 0.2
    expect([lineChartProps.current!.minValue, lineChartProps.current!.maxValue]).toEqual([0, 0.2]);
    expect(lineChartProps.current!.autoMinValue).toBeFalsy();
  });

  it('narrows the URL to a clicked epoch and ignores legend clicks', async () => {
    const { wrapper, lastUrl, onUrlUpdate } = withUrl('?tab=progress&epoch_min=1&page=2');
    render(<SeriesLineChart series={series} format="percent" label="Pass@1 by epoch" selectEpoch />, {
      wrapper,
    });
    await act(async () =>
      lineChartProps.current!.onValueChange!({ eventType: 'category', categoryClicked: 'Pass@1' }),
    );
    await act(async () =>
      lineChartProps.current!.onValueChange!({
        eventType: 'dot',
        categoryClicked: 'Pass@1',
        epoch: 2,
        'Pass@1': 0.2,
      }),
    );
    await vi.waitFor(() => expect(onUrlUpdate).toHaveBeenCalledTimes(1));
    expect(lastUrl()!.queryString).toBe('?tab=progress&epoch_id=2');
  });
});

describe('TerminationDonutFilter', () => {
  const stats = {
    total_trajectories: 55,
    termination_stats: Object.fromEntries(
      ['success', 'timeout', 'error', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'].map((name, i) => [
        name,
        { count: 10 - i, ratio: 0 },
      ]),
    ),
  };

  it('filters on a clicked reason, replacing the reasons filtered on, and resets the page', async () => {
    const { wrapper, lastUrl } = withUrl('?tab=failures&termination_reason=timeout,error&page=3');
    render(<TerminationDonutFilter slices={donutData(stats)} total={55} />, { wrapper });
    expect(
      screen.getByRole('button', { name: 'Filter termination_reason: timeout' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Filter termination_reason: success' }));
    expect(lastUrl()!.queryString).toBe('?tab=failures&termination_reason=success');
  });

  it('removes the filter when the only reason filtered on is clicked again', async () => {
    const { wrapper, lastUrl } = withUrl('?termination_reason=timeout');
    render(<TerminationDonutFilter slices={donutData(stats)} total={55} />, { wrapper });
    await userEvent.click(screen.getByRole('button', { name: 'Filter termination_reason: timeout' }));
    expect(lastUrl()!.searchParams.has('termination_reason')).toBe(false);
  });

  it('keeps every reason drawn when one is filtered on: the chosen one marked, the others dimmed', () => {
    const { wrapper } = withUrl('?tab=failures&termination_reason=timeout');
    render(<TerminationDonutFilter slices={donutData(stats)} total={55} />, { wrapper });
    const marks = [...screen.getByTestId('termination-donut').querySelectorAll('path')].map((p) => [
      p.querySelector('title')!.textContent,
      p.getAttribute('data-mark'),
    ]);
    expect(marks).toEqual([
      ['success: 10 (18.2%)', 'dimmed'],
      ['timeout: 9 (16.4%)', 'active'],
      ['error: 8 (14.5%)', 'dimmed'],
      ['r3: 7 (12.7%)', 'dimmed'],
      ['r4: 6 (10.9%)', 'dimmed'],
      ['r5: 5 (9.1%)', 'dimmed'],
      ['r6: 4 (7.3%)', 'dimmed'],
      ['other: 5 (9.1%)', 'dimmed'],
    ]);
    expect(screen.getByTestId('donut-selection').textContent).toContain('Filtered on timeout');
  });

  it('filters on a clicked slice of the donut itself', async () => {
    const { wrapper, lastUrl } = withUrl('?tab=failures');
    render(<TerminationDonutFilter slices={donutData(stats)} total={55} />, { wrapper });
    const slice = [...screen.getByTestId('termination-donut').querySelectorAll('path')].find(
      (p) => p.querySelector('title')!.textContent === 'error: 8 (14.5%)',
    )!;
    expect(slice.getAttribute('data-mark')).toBe('plain');
    await userEvent.click(slice);
    expect(lastUrl()!.queryString).toBe('?tab=failures&termination_reason=error');
    expect(screen.queryByTestId('donut-selection')).toBeNull();
  });

  it('lists counts and shares, and does not offer "other" as a filter', () => {
    const { wrapper } = withUrl('');
    render(<TerminationDonutFilter slices={donutData(stats)} total={55} />, { wrapper });
    expect(screen.getByRole('button', { name: 'Filter termination_reason: success' }).textContent).toBe(
      'success1018.2%',
    );
    expect(screen.queryByRole('button', { name: /other/ })).toBeNull();
    expect(screen.getByText('other')).toBeTruthy();
  });
});
