// @vitest-environment jsdom
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
