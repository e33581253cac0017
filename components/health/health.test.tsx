import '../test-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import { withNuqsTestingAdapter } from 'nuqs/adapters/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HealthAlert } from '@/lib/analysis/health/alert';
import { alertViews, detectorCards, healthBadge, liveEpoch, liveRollouts } from '@/lib/chart-data/run-health';
import { groupRuns, runRow } from '@/lib/chart-data/runs-table';
import { RunsTableProvider } from '../trainings/runs-table-controls';
import { TrainingTable } from '../trainings/training-table';
import { AlertsCard } from './alerts-card';
import { DetectorCard } from './detector-card';
import { AwaitedHealthBadge, HealthBadge } from './health-badge';
import { LiveCard } from './live-card';
import { RunHealthStrip } from './run-health-strip';
import { TrajectoryAlerts } from './trajectory-alerts';

// Recharts draws nothing at jsdom's zero size: capture what the card hands to the chart instead.
const charts: { label: string; format: string; rows: unknown[] }[] = [];
vi.mock('./health-chart', () => ({
  HealthChart: (props: { label: string; format: string; rows: unknown[] }) => {
    charts.push(props);
    return null;
  },
}));

afterEach(() => {
  cleanup();
  charts.length = 0;
});

const RUN = 'grpo-a';

const critical: HealthAlert = {
  id: `${RUN}:tool_errors:lookup:6`,
  detector: 'tool_errors',
  subject: 'lookup',
  severity: 'critical',
  epoch_id: 6,
  message: '54 % of lookup calls failed at epoch 6 (baseline 4.6 %)',
  value: 0.54,
  baseline: 0.046,
  examples: ['t1', 't2', 't3'],
};
const warning: HealthAlert = {
  id: `${RUN}:truncation:*:4`,
  detector: 'truncation',
  subject: null,
  severity: 'warning',
  epoch_id: 4,
  message: '20 % of trajectories hit a length or token limit at epoch 4 (baseline 3.0 %)',
  value: 0.2,
  baseline: 0.03,
  examples: ['t4'],
};

describe('AlertsCard', () => {
  it('lists each alert with its severity, figures, example links and the view behind it', () => {
    render(
      <AlertsCard
        alerts={alertViews(RUN, [critical, warning])}
        counts="1 critical, 1 warning"
        note={null}
        missingAlert={null}
      />,
    );
    const items = screen.getAllByTestId('health-alert');
    expect(items).toHaveLength(2);
    const first = within(items[0]);
    expect(first.getByText('critical')).toBeTruthy();
    expect(first.getByText('Tool errors · lookup')).toBeTruthy();
    expect(items[0].textContent).toContain('First epoch6');
    expect(items[0].textContent).toContain('Value54.0%');
    expect(items[0].textContent).toContain('Baseline4.6%');
    const examples = first.getAllByTestId('health-alert-example');
    expect(examples.map((a) => a.getAttribute('href'))).toEqual([
      '/trajectories/t1',
      '/trajectories/t2',
      '/trajectories/t3',
    ]);
    expect(first.getByTestId('health-alert-view').getAttribute('href')).toBe(
      '/analysis?training_id=grpo-a&epoch_id=6&tool_failed=lookup&tab=failures',
    );
    expect(within(items[1]).getByTestId('health-alert-view').textContent).toBe(
      'Truncated failures of epoch 4 →',
    );
    expect(screen.queryByTestId('health-ok')).toBeNull();
  });

  it('highlights the alert the URL names and scrolls to it', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    render(
      <AlertsCard
        alerts={alertViews(RUN, [critical, warning], warning.id)}
        counts={null}
        note={null}
        missingAlert={null}
      />,
    );
    const [first, second] = screen.getAllByTestId('health-alert');
    expect(first.getAttribute('aria-current')).toBeNull();
    expect(second.getAttribute('aria-current')).toBe('true');
    expect(second.getAttribute('data-highlighted')).toBe('true');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll.mock.contexts[0]).toBe(second);
    scroll.mockRestore();
  });

  it('says plainly when no alert is raised, and when an alert the link names is gone', () => {
    render(<AlertsCard alerts={[]} counts={null} note={null} missingAlert="grpo-a:zero_variance:*:2" />);
    expect(screen.getByTestId('health-ok').textContent).toBe(
      'No warning or critical alert: every detector is within its baseline.',
    );
    expect(screen.getByRole('status').textContent).toContain('grpo-a:zero_variance:*:2');
  });

  it('says why nothing is judged instead of calling the run healthy', () => {
    render(
      <AlertsCard
        alerts={[]}
        counts={null}
        note="No epoch of this run has enough rows to judge yet."
        missingAlert={null}
      />,
    );
    expect(screen.getByTestId('health-note').textContent).toBe(
      'No epoch of this run has enough rows to judge yet.',
    );
    expect(screen.queryByTestId('health-ok')).toBeNull();
  });
});

describe('DetectorCard', () => {
  const [card] = detectorCards(
    {
      min_epoch_rows: 50,
      detectors: [{ id: 'truncation', rule: 'share of trajectories that hit a limit rises ≥ 10 points' }],
      series: [
        {
          detector: 'truncation',
          subject: null,
          label: 'share of trajectories that hit a limit',
          unit: 'share',
          points: [
            { epoch_id: 0, value: 0.03, baseline: null, severity: null },
            { epoch_id: 1, value: 0.2, baseline: 0.03, severity: 'warning' },
          ],
        },
      ],
      alerts: [{ ...warning, epoch_id: 1 }],
    },
    [
      { epoch_id: 0, rows: 64 },
      { epoch_id: 1, rows: 64 },
      { epoch_id: 2, rows: 7 },
    ],
  );

  it('shows the rule, its level and the epochs it did not judge', () => {
    render(<DetectorCard card={card} />);
    const section = screen.getByRole('region', { name: 'Truncation and response length' });
    expect(section.textContent).toContain('share of trajectories that hit a limit rises ≥ 10 points');
    expect(within(section).getByText('warning · 1')).toBeTruthy();
    expect(screen.getByTestId('health-not-judged').textContent).toBe(
      'Not judged: epoch 2 (7 rows): fewer than 50 rows.',
    );
    expect(charts).toEqual([
      {
        label: 'share of trajectories that hit a limit by epoch',
        format: 'percent',
        rows: [
          { epoch: 0, value: 0.03, baseline: null, warning: null, critical: null },
          { epoch: 1, value: 0.2, baseline: 0.03, warning: 0.2, critical: null },
          { epoch: 2, value: null, baseline: null, warning: null, critical: null },
        ],
      },
    ]);
  });

  it('says a detector with nothing to measure never fires', () => {
    const [empty] = detectorCards(
      { min_epoch_rows: 50, detectors: [{ id: 'reward_component', rule: 'r' }], series: [], alerts: [] },
      [],
    );
    render(<DetectorCard card={empty} />);
    expect(screen.getByText('ok')).toBeTruthy();
    expect(screen.getByRole('region').textContent).toContain('Nothing to measure in this run');
  });
});

describe('health badges', () => {
  it('link a run to its Health tab with the worst severity and the count', () => {
    render(<HealthBadge badge={healthBadge(RUN, [warning, critical])} />);
    const link = screen.getByRole('link');
    expect(link.textContent).toBe('critical · 2');
    expect(link.getAttribute('href')).toBe('/analysis?training_id=grpo-a&tab=health');
    expect(link.getAttribute('data-level')).toBe('critical');
  });

  it('of each row await the one answer for every run', async () => {
    const alerts = Promise.resolve(
      new Map([
        [RUN, [warning]],
        ['clean', []],
      ]),
    );
    render(
      <>
        {await AwaitedHealthBadge({ alerts, trainingId: RUN })}
        {await AwaitedHealthBadge({ alerts, trainingId: 'clean' })}
        {await AwaitedHealthBadge({ alerts: Promise.resolve(null), trainingId: 'x' })}
      </>,
    );
    expect(screen.getAllByTestId('health-badge').map((b) => b.textContent)).toEqual([
      'warning · 1',
      'ok',
      'n/a',
    ]);
  });

  it("sit in the runs table's Health column, and the overview strip", () => {
    const training = {
      training_id: RUN,
      trajectory_count: 10,
      epoch_range: [0, 1] as [number, number],
      epoch_count: 2,
      agent_name: null,
      created_at: null,
      date_range: null,
    };
    render(
      <RunsTableProvider>
        <TrainingTable
          groups={groupRuns([runRow(training, undefined)], null)}
          group={null}
          now={0}
          health={(id) => <HealthBadge badge={healthBadge(id, [])} />}
        />
      </RunsTableProvider>,
      { wrapper: withNuqsTestingAdapter() },
    );
    expect(screen.getByRole('columnheader', { name: 'Health' })).toBeTruthy();
    expect(screen.getByTestId('training-health').textContent).toBe('ok');
    cleanup();
    render(<RunHealthStrip runs={[{ trainingId: RUN, badge: healthBadge(RUN, [critical]) }]} />);
    expect(screen.getByTestId('run-health-strip').textContent).toContain('critical · 1');
  });
});

describe('TrajectoryAlerts', () => {
  it('says which alerts the trajectory is an example of, linking each on the Health tab', () => {
    render(<TrajectoryAlerts alerts={alertViews(RUN, [critical])} />);
    expect(screen.getByText(critical.message)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See on the Health tab →' }).getAttribute('href')).toBe(
      '/analysis?training_id=grpo-a&tab=health&alert=grpo-a:tool_errors:lookup:6',
    );
  });
  it('draws nothing for a trajectory of no alert', () => {
    const { container } = render(<TrajectoryAlerts alerts={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('LiveCard', () => {
  it('marks the latest epoch partial with its row count, and links the newest rollouts', () => {
    const epoch = liveEpoch([
      { epoch_id: 0, rows: 256 },
      { epoch_id: 1, rows: 40 },
    ])!;
    const rollouts = liveRollouts([
      { trajectory_id: 'r1', epoch_id: 1, data_id: 'q-1', reward: 1, termination_reason: 'answered' },
    ]);
    render(<LiveCard epoch={epoch} rollouts={rollouts} minEpochRows={50} />);
    expect(screen.getByTestId('health-live-epoch').textContent).toBe(
      'Latest epoch 1: 40 rows (epoch 0: 256) partial not judged until it has 50 rows',
    );
    expect(screen.getByRole('link', { name: 'r1' }).getAttribute('href')).toBe('/trajectories/r1');
  });
});
