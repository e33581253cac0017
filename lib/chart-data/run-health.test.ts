import { describe, expect, it } from 'vitest';
import type { HealthAlert } from '@/lib/analysis/health/alert';
import type { RunHealth } from '@/lib/analysis/stats/run-health';
import {
  alertAnchor,
  alertCounts,
  alertRun,
  alertsByRun,
  alertsOfTrajectory,
  alertView,
  alertViews,
  detectorCards,
  epochRanges,
  formatHealthValue,
  healthBadge,
  healthFormat,
  isLive,
  judgedEpochs,
  liveEpoch,
  liveRollouts,
} from './run-health';

const RUN = 'grpo-a';

function alert(overrides: Partial<HealthAlert> = {}): HealthAlert {
  return {
    id: `${RUN}:tool_errors:lookup:6`,
    detector: 'tool_errors',
    subject: 'lookup',
    severity: 'critical',
    epoch_id: 6,
    message: '54 % of lookup calls failed at epoch 6 (baseline 4.6 %)',
    value: 0.54,
    baseline: 0.046,
    examples: ['t1', 't2'],
    ...overrides,
  };
}

const warning = alert({
  id: `${RUN}:truncation:*:4`,
  detector: 'truncation',
  subject: null,
  severity: 'warning',
  epoch_id: 4,
  message: '20 % of trajectories hit a length or token limit at epoch 4 (baseline 3.0 %)',
  value: 0.2,
  baseline: 0.03,
  examples: ['t3'],
});

describe('healthBadge', () => {
  it('says the worst severity and how many alerts, linking to the Health tab', () => {
    expect(healthBadge(RUN, [warning, alert()])).toEqual({
      level: 'critical',
      count: 2,
      label: 'critical · 2',
      title: 'grpo-a: 2 alerts, the worst critical',
      color: 'rose',
      href: '/analysis?training_id=grpo-a&tab=health',
    });
    expect(healthBadge(RUN, [warning])).toMatchObject({
      level: 'warning',
      label: 'warning · 1',
      color: 'amber',
    });
  });
  it('says ok for a run without alerts, and n/a when there is no answer for it', () => {
    expect(healthBadge(RUN, [])).toMatchObject({ level: 'ok', count: 0, label: 'ok', color: 'emerald' });
    expect(healthBadge(RUN, [alert({ severity: 'info' })])).toMatchObject({ level: 'ok', label: 'ok' });
    expect(healthBadge(RUN, null)).toMatchObject({
      level: 'unknown',
      label: 'n/a',
      title: 'grpo-a: its health could not be computed',
    });
    expect(healthBadge(RUN, undefined).title).toBe('grpo-a: no scored trajectory to judge');
    expect(healthBadge(RUN, [], false)).toMatchObject({
      level: 'unknown',
      label: 'not judged',
      title: 'grpo-a: no epoch has enough rows for the detectors yet',
    });
    expect(healthBadge(RUN, [warning], false).label).toBe('warning · 1');
  });
});

describe('alertsByRun', () => {
  it('reads the answer of one run and of several alike', () => {
    expect([...alertsByRun({ training_id: RUN, alerts: [warning] })]).toEqual([[RUN, [warning]]]);
    expect([
      ...alertsByRun({
        runs: [
          { training_id: 'a', alerts: [] },
          { training_id: 'b', alerts: [warning] },
        ],
      }),
    ]).toEqual([
      ['a', []],
      ['b', [warning]],
    ]);
  });
});

describe('alertRun', () => {
  it('finds the run an alert id starts with, the longest when run ids share a prefix', () => {
    expect(alertRun('grpo-a:tool_errors:lookup:6', ['grpo', 'grpo-a', 'x'])).toBe('grpo-a');
    expect(alertRun('run:2:zero_variance:*:3', ['run', 'run:2'])).toBe('run:2');
    expect(alertRun('other:truncation:*:1', ['grpo-a'])).toBeUndefined();
  });
});

describe('values of a detector', () => {
  it('are shares, tokens or component means by detector', () => {
    expect(healthFormat('tool_errors', 'lookup')).toBe('percent');
    expect(healthFormat('truncation', null)).toBe('percent');
    expect(healthFormat('truncation', 'response_tokens')).toBe('count');
    expect(healthFormat('reward_component', 'format')).toBe('reward');
    expect(formatHealthValue('percent', 0.344)).toBe('34.4%');
    expect(formatHealthValue('count', 1155.4)).toBe('1,155 tokens');
    expect(formatHealthValue('reward', 0.8667)).toBe('0.867');
    expect(formatHealthValue('percent', null)).toBe('n/a');
  });
});

describe('the view behind an alert', () => {
  it('adds the failed tool to the epoch failures of a tool_errors alert, `any` without a tool', () => {
    expect(alertView(RUN, alert())).toEqual({
      href: '/analysis?training_id=grpo-a&epoch_id=6&tool_failed=lookup&tab=failures',
      label: 'Failures of epoch 6 where lookup failed',
    });
    expect(alertView(RUN, alert({ subject: null })).href).toBe(
      '/analysis?training_id=grpo-a&epoch_id=6&tool_failed=any&tab=failures',
    );
  });
  it('adds truncated=1 to a truncation alert, and nothing to a length alert or another detector', () => {
    expect(alertView(RUN, warning)).toEqual({
      href: '/analysis?training_id=grpo-a&epoch_id=4&truncated=1&tab=failures',
      label: 'Truncated failures of epoch 4',
    });
    expect(alertView(RUN, { ...warning, subject: 'response_tokens' }).href).toBe(
      '/analysis?training_id=grpo-a&epoch_id=4&tab=failures',
    );
    expect(alertView(RUN, { detector: 'reward_collapse', subject: null, epoch_id: 7 })).toEqual({
      href: '/analysis?training_id=grpo-a&epoch_id=7&tab=failures',
      label: 'Failures of epoch 7',
    });
  });
});

describe('alertViews', () => {
  it('formats each alert with its examples, its view and its own link, and marks the one the URL names', () => {
    const [first, second] = alertViews(RUN, [alert(), warning], warning.id);
    expect(first).toEqual({
      id: 'grpo-a:tool_errors:lookup:6',
      anchor: 'alert-grpo-a_3atool_errors_3alookup_3a6',
      severity: 'critical',
      color: 'rose',
      detector: 'tool_errors',
      title: 'Tool errors · lookup',
      message: '54 % of lookup calls failed at epoch 6 (baseline 4.6 %)',
      epochId: 6,
      value: '54.0%',
      baseline: '4.6%',
      examples: [
        { id: 't1', href: '/trajectories/t1' },
        { id: 't2', href: '/trajectories/t2' },
      ],
      view: {
        href: '/analysis?training_id=grpo-a&epoch_id=6&tool_failed=lookup&tab=failures',
        label: 'Failures of epoch 6 where lookup failed',
      },
      healthHref: '/analysis?training_id=grpo-a&tab=health&alert=grpo-a:tool_errors:lookup:6',
      highlighted: false,
    });
    expect(second.highlighted).toBe(true);
    expect(second.title).toBe('Truncation and response length');
    expect(second.color).toBe('amber');
  });
  it('keeps at most five examples, and says n/a for a missing baseline', () => {
    const [view] = alertViews(RUN, [alert({ examples: ['a', 'b', 'c', 'd', 'e', 'f'], baseline: null })]);
    expect(view.examples.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(view.baseline).toBe('n/a');
  });
  it('gives ids with any character an element id of letters, digits, _ and -', () => {
    expect(alertAnchor('r 1:truncation:*:0')).toBe('alert-r_201_3atruncation_3a_2a_3a0');
  });
});

describe('alertCounts and alertsOfTrajectory', () => {
  it('count critical and warning alerts', () => {
    expect(alertCounts([alert(), alert(), warning])).toBe('2 critical, 1 warning');
    expect(alertCounts([warning, warning])).toBe('2 warnings');
    expect(alertCounts([])).toBeNull();
  });
  it('find the alerts naming a trajectory as an example', () => {
    expect(alertsOfTrajectory('t3', [alert(), warning])).toEqual([warning]);
    expect(alertsOfTrajectory('t9', [alert(), warning])).toEqual([]);
  });
});

describe('epochs', () => {
  it('are written as ranges', () => {
    expect(epochRanges([])).toBe('');
    expect(epochRanges([3])).toBe('3');
    expect(epochRanges([2, 0, 1, 5, 7, 8, 8])).toBe('0–2, 5, 7–8');
  });
  it('say when nothing can be judged yet, or no alert can fire yet', () => {
    expect(judgedEpochs([], 50)).toEqual({
      judged: 0,
      total: 0,
      note: 'This run has no scored trajectories to judge.',
    });
    expect(
      judgedEpochs(
        [
          { epoch_id: 0, rows: 12 },
          { epoch_id: 1, rows: 30 },
        ],
        50,
      ),
    ).toEqual({
      judged: 0,
      total: 2,
      note:
        'No epoch of this run has enough rows to judge yet: the detectors judge an epoch from 50 rows on, ' +
        'and the largest, epoch 1, has 30 rows.',
    });
    expect(
      judgedEpochs(
        [
          { epoch_id: 0, rows: 64 },
          { epoch_id: 1, rows: 3 },
        ],
        50,
      ).note,
    ).toBe(
      'Only epoch 0 has enough rows to judge (50 rows or more): an alert compares an epoch with earlier ones, ' +
        'so none can fire before a second epoch has them.',
    );
    expect(
      judgedEpochs(
        [
          { epoch_id: 0, rows: 64 },
          { epoch_id: 1, rows: 64 },
        ],
        50,
      ),
    ).toEqual({ judged: 2, total: 2, note: null });
  });
});

describe('detectorCards', () => {
  const epochs = [
    { epoch_id: 0, rows: 256 },
    { epoch_id: 1, rows: 256 },
    { epoch_id: 2, rows: 256 },
    { epoch_id: 3, rows: 20 },
  ];
  const health: Pick<RunHealth, 'detectors' | 'series' | 'alerts' | 'min_epoch_rows'> = {
    min_epoch_rows: 50,
    detectors: [
      { id: 'tool_errors', rule: 'per tool, failed calls rise' },
      { id: 'reward_component', rule: 'a component rises while another falls' },
    ],
    series: [
      {
        detector: 'tool_errors',
        subject: null,
        label: 'share of tool calls that failed',
        unit: 'share',
        points: [
          { epoch_id: 0, value: 0.05, baseline: null, severity: null },
          { epoch_id: 1, value: 0.05, baseline: 0.05, severity: null },
          { epoch_id: 2, value: 0.2, baseline: 0.05, severity: null },
        ],
      },
      {
        detector: 'tool_errors',
        subject: 'search',
        label: 'share of search calls that failed',
        unit: 'share',
        points: [
          { epoch_id: 0, value: 0.04, baseline: null, severity: null },
          { epoch_id: 1, value: 0.05, baseline: 0.04, severity: null },
          { epoch_id: 2, value: 0.05, baseline: 0.045, severity: null },
        ],
      },
      {
        detector: 'tool_errors',
        subject: 'lookup',
        label: 'share of lookup calls that failed',
        unit: 'share',
        points: [
          { epoch_id: 0, value: 0.05, baseline: null, severity: null },
          { epoch_id: 2, value: 0.5, baseline: 0.05, severity: 'critical' },
        ],
      },
    ],
    alerts: [alert({ epoch_id: 2 })],
  };

  it('draws the series that fired first, then the whole run, and names the rest', () => {
    const [tools, components] = detectorCards(health, epochs, 2);
    expect(tools).toMatchObject({
      id: 'tool_errors',
      title: 'Tool errors',
      rule: 'per tool, failed calls rise',
      omitted: ['share of search calls that failed'],
      omittedFired: false,
      alerts: 1,
      level: 'critical',
      empty: false,
    });
    // In the API's order: the whole run, then lookup.
    expect(tools.charts.map((c) => c.label)).toEqual([
      'share of tool calls that failed',
      'share of lookup calls that failed',
    ]);
    expect(components).toMatchObject({ id: 'reward_component', charts: [], empty: true, level: 'ok' });
  });

  it('has a row for every epoch of the run, gaps where it did not judge, and the value again where it fired', () => {
    const lookup = detectorCards(health, epochs, 2)[0].charts[1];
    expect(lookup).toEqual({
      key: 'tool_errors-2',
      label: 'share of lookup calls that failed',
      format: 'percent',
      rows: [
        { epoch: 0, value: 0.05, baseline: null, warning: null, critical: null },
        { epoch: 1, value: null, baseline: null, warning: null, critical: null },
        { epoch: 2, value: 0.5, baseline: 0.05, warning: null, critical: 0.5 },
        { epoch: 3, value: null, baseline: null, warning: null, critical: null },
      ],
      fired: [{ epoch_id: 2, severity: 'critical' }],
      notJudged:
        'Not judged: epoch 3 (20 rows): fewer than 50 rows; epoch 1: too few tool calls for the rule.',
    });
    expect(detectorCards(health, epochs, 2)[0].charts[0].notJudged).toBe(
      'Not judged: epoch 3 (20 rows): fewer than 50 rows.',
    );
  });
});

describe('the live run', () => {
  it('marks the latest epoch partial while it has fewer rows than the one before', () => {
    expect(
      liveEpoch([
        { epoch_id: 1, rows: 256 },
        { epoch_id: 0, rows: 256 },
        { epoch_id: 2, rows: 40 },
      ]),
    ).toEqual({ epoch_id: 2, rows: 40, partial: true, previous: { epoch_id: 1, rows: 256 } });
    expect(liveEpoch([{ epoch_id: 0, rows: 10 }])).toEqual({
      epoch_id: 0,
      rows: 10,
      partial: false,
      previous: null,
    });
    expect(liveEpoch([])).toBeNull();
  });
  it('counts a run as live while its latest epoch is partial or it wrote in the last 30 minutes', () => {
    const now = 1_000_000_000;
    const full = { epoch_id: 1, rows: 64, partial: false, previous: null };
    expect(isLive({ ...full, partial: true }, null, now)).toBe(true);
    expect(isLive(full, now / 1000 - 29 * 60, now)).toBe(true);
    expect(isLive(full, now / 1000 - 31 * 60, now)).toBe(false);
    expect(isLive(full, null, now)).toBe(false);
  });
  it('lists the newest rollouts with links', () => {
    expect(
      liveRollouts([
        { trajectory_id: 'a b', epoch_id: 3, data_id: 'q-1', reward: 0.8, termination_reason: 'answered' },
      ]),
    ).toEqual([
      {
        id: 'a b',
        href: '/trajectories/a%20b',
        epochId: 3,
        dataId: 'q-1',
        reward: '0.800',
        termination: 'answered',
      },
    ]);
  });
});
