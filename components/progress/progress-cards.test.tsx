import '../test-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { withNuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BarChart, LineChart } from '@tremor/react';
import { epochPoint, progression } from '@/lib/chart-data/test-fixtures';
import type { BandLineChartProps } from '../charts/band-line-chart';
import { ProgressCards } from './progress-cards';

type LineProps = ComponentProps<typeof LineChart>;
type BarProps = ComponentProps<typeof BarChart>;
const drawn: { banded: BandLineChartProps[]; lines: LineProps[]; bars: BarProps[] } = {
  banded: [],
  lines: [],
  bars: [],
};

vi.mock('../charts/band-line-chart', () => ({
  BandLineChart: (props: BandLineChartProps) => {
    drawn.banded.push(props);
    return null;
  },
}));

// Recharts draws nothing at jsdom's zero size: capture what the cards hand to Tremor instead.
vi.mock('@tremor/react', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@tremor/react')>()),
  LineChart: (props: LineProps) => {
    drawn.lines.push(props);
    return null;
  },
  BarChart: (props: BarProps) => {
    drawn.bars.push(props);
    return null;
  },
}));

afterEach(() => {
  cleanup();
  drawn.banded = [];
  drawn.lines = [];
  drawn.bars = [];
});

const run = progression([
  epochPoint(0, {
    avg_reward: 0.2,
    pass_at_1: 0.1,
    termination_stats: { success: { count: 1, ratio: 0.5 } },
  }),
  epochPoint(1, { avg_reward: 0.3, pass_at_1: 0.2, termination_stats: { success: { count: 2, ratio: 1 } } }),
  epochPoint(2, { avg_reward: 0.4, pass_at_1: 0.3, termination_stats: { success: { count: 2, ratio: 1 } } }),
]);

function renderCards(selectedEpoch: number | null) {
  render(<ProgressCards progression={run} selectedEpoch={selectedEpoch} />, {
    wrapper: withNuqsTestingAdapter(),
  });
}

describe('ProgressCards with an epoch selected', () => {
  it('draws every epoch and marks the selected one on each curve', () => {
    renderCards(1);
    const [reward, pass] = drawn.banded.map((props) => props.series);
    expect(reward.rows.map((r) => r.epoch)).toEqual([0, 1, 2]);
    expect(reward.categories).toEqual(['Avg reward', 'Epoch 1 selected']);
    expect(reward.rows[1]['Epoch 1 selected']).toBe(0.3);
    expect(pass.rows[1]['Epoch 1 selected']).toBe(0.2);
    expect(reward.bands.map((b) => b.category)).toEqual(['Avg reward']);
    expect(pass.bands.map((b) => b.category)).toEqual(['Pass@1']);
    expect(drawn.bars[0].data.map((r) => r.epoch)).toEqual([0, '▸1', 2]);
    expect(screen.getByTestId('selected-epoch').textContent).toMatch(
      /^Epoch 1 selected: the curves show every/,
    );
  });

  it('says so when the selected epoch is not among those drawn', () => {
    renderCards(9);
    expect(drawn.banded[0].series.categories).toEqual(['Avg reward']);
    expect(screen.getByTestId('selected-epoch').textContent).toContain('nothing is marked');
  });

  it('marks nothing without a selection', () => {
    renderCards(null);
    expect(drawn.banded[0].series.categories).toEqual(['Avg reward']);
    expect(screen.queryByTestId('selected-epoch')).toBeNull();
  });
});
