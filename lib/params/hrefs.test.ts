import { describe, expect, it } from 'vitest';
import {
  analysisHref,
  clearedFilters,
  comparisonHref,
  dashboardHref,
  disagreementHref,
  epochFailuresHref,
  failuresHref,
  filterChangeHref,
  groupHref,
  healthHref,
  pageHref,
  questionRunsHref,
  resetFiltersHref,
  tabHref,
  trainingHref,
  trajectoryHref,
  trajectoryRecordHref,
} from './hrefs';
import { loadDashboard as load } from './parsers';

describe('dashboard links', () => {
  const params = load('?tab=failures&training_id=run_a,run_b&reward_max=0&page=3&trajectory=t1&sort=-reward');

  it('switch tabs keeping filters, dropping page and open trajectory', () => {
    expect(tabHref(params, 'progress')).toBe(
      '/analysis?training_id=run_a,run_b&reward_max=0&tab=progress&sort=-reward',
    );
  });
  it('leave out the default tab', () => {
    expect(tabHref(params, 'overview')).toBe('/analysis?training_id=run_a,run_b&reward_max=0&sort=-reward');
  });
  it('page without a page=1 parameter', () => {
    expect(pageHref(params, 1)).not.toContain('page=');
    expect(pageHref(params, 4)).toContain('page=4');
  });
  it('reset filters, keeping tab, sort and metric options', () => {
    expect(resetFiltersHref(load('?tab=failures&k=4&sort=-reward&q=x&epoch_id=2&page=3'))).toBe(
      '/analysis?k=4&tab=failures&sort=-reward',
    );
  });
  it('reset filters keeps the run that is open, unless told the run is what is wrong', () => {
    const open = load('?training_id=run_a&tab=failures&reward_min=1&trajectory=t1');
    expect(resetFiltersHref(open)).toBe('/analysis?training_id=run_a&tab=failures');
    expect(resetFiltersHref(open, undefined, { keepRun: false })).toBe('/analysis?tab=failures');
  });
  it('change filters back to the first page with no trajectory open', () => {
    expect(filterChangeHref(params, { reward_max: Infinity })).toBe(
      '/analysis?training_id=run_a,run_b&reward_max=any&tab=failures&sort=-reward',
    );
    expect(filterChangeHref(params, { reward_max: null })).toBe(
      '/analysis?training_id=run_a,run_b&tab=failures&sort=-reward',
    );
  });
  it('drop empty lists and nulls', () => {
    expect(dashboardHref(params, { training_id: [], sort: null, page: null, trajectory: null })).toBe(
      '/analysis?reward_max=0&tab=failures',
    );
  });
  it('take another path for the pages that share the dashboard parameters', () => {
    expect(pageHref(load('?training_ids=a,b'), 2, '/questions')).toBe('/questions?page=2&training_ids=a,b');
  });
});

describe('clearedFilters', () => {
  it('nulls every filter key and nothing else', () => {
    const cleared = clearedFilters();
    expect(Object.values(cleared).every((v) => v === null)).toBe(true);
    expect(cleared).toHaveProperty('training_id');
    expect(cleared).toHaveProperty('q');
    expect(cleared).not.toHaveProperty('tab');
    expect(cleared).not.toHaveProperty('k');
  });
});

describe('fresh dashboard views', () => {
  it('hold only the parameters given, in the order of the parameter table', () => {
    expect(analysisHref({ tab: 'failures', training_id: ['r 1'] })).toBe(
      '/analysis?training_id=r+1&tab=failures',
    );
    expect(trainingHref('run_a')).toBe('/analysis?training_id=run_a');
    expect(trainingHref('run_a', 'progress')).toBe('/analysis?training_id=run_a&tab=progress');
    expect(trainingHref('run_a', 'overview')).toBe('/analysis?training_id=run_a');
  });
  it('open the failures of an epoch, or of one question in it', () => {
    expect(failuresHref('run_a', 3)).toBe('/analysis?training_id=run_a&epoch_id=3&tab=failures');
    expect(failuresHref('run_a', 0, 'q:1')).toBe(
      '/analysis?training_id=run_a&epoch_id=0&data_id=q:1&tab=failures',
    );
  });
  it('compare runs', () => {
    expect(comparisonHref(['a', 'b'])).toBe('/analysis?tab=comparison&training_ids=a,b');
  });
  it('are read back as they were written', () => {
    const read = load(failuresHref('a,b run', 2, 'q/1').split('?')[1]);
    expect([read.training_id, read.epoch_id, read.data_id, read.tab]).toEqual([
      ['a', 'b run'],
      2,
      ['q/1'],
      'failures',
    ]);
  });
});

describe('health links', () => {
  it("open a run's Health tab, at one alert as a webhook message links it", () => {
    expect(healthHref('run_a')).toBe('/analysis?training_id=run_a&tab=health');
    expect(healthHref('run_a', 'run_a:tool_errors:lookup:6')).toBe(
      '/analysis?training_id=run_a&tab=health&alert=run_a:tool_errors:lookup:6',
    );
    const read = load(healthHref('r 1', 'r 1:truncation:*:0').split('?')[1]);
    expect([read.training_id, read.tab, read.alert]).toEqual([['r 1'], 'health', 'r 1:truncation:*:0']);
  });
  it("open the failures of an epoch narrowed by a detector's filter", () => {
    expect(epochFailuresHref('run_a', 6, { tool_failed: 'lookup' })).toBe(
      '/analysis?training_id=run_a&epoch_id=6&tool_failed=lookup&tab=failures',
    );
    expect(epochFailuresHref('run_a', 4, { truncated: 1 })).toBe(
      '/analysis?training_id=run_a&epoch_id=4&truncated=1&tab=failures',
    );
  });
  it('leave the highlighted alert behind when switching tabs', () => {
    expect(tabHref(load('?training_id=run_a&tab=health&alert=x'), 'failures')).toBe(
      '/analysis?training_id=run_a&tab=failures',
    );
  });
});

describe('trajectoryHref', () => {
  it('encodes every character an id may hold', () => {
    expect(trajectoryHref('a b%/ü')).toBe('/trajectories/a%20b%25%2F%C3%BC');
  });

  it('puts the ids . and .. in the query, where no URL parser resolves them', () => {
    expect(trajectoryHref('..')).toBe('/trajectories?id=..');
    expect(trajectoryHref('.')).toBe('/trajectories?id=.');
    expect(trajectoryHref('...')).toBe('/trajectories/...');
    expect(trajectoryHref('../x')).toBe('/trajectories/..%2Fx');
  });

  it('carries the search, encoded, and leaves out a blank one', () => {
    expect(trajectoryHref('t 1', 'failed & <b>')).toBe('/trajectories/t%201?q=failed%20%26%20%3Cb%3E');
    expect(trajectoryHref('..', 'x')).toBe('/trajectories?id=..&q=x');
    expect(trajectoryHref('t1', '  ')).toBe('/trajectories/t1');
    expect(trajectoryHref('t1', null)).toBe('/trajectories/t1');
  });

  it('opens a later window of steps, never step 1', () => {
    expect(trajectoryHref('t1', 'x', 201)).toBe('/trajectories/t1?q=x&step=201');
    expect(trajectoryHref('..', null, 201)).toBe('/trajectories?id=..&step=201');
    expect(trajectoryHref('t1', null, 1)).toBe('/trajectories/t1');
  });

  it('links the JSON record, except for the ids . and ..', () => {
    expect(trajectoryRecordHref('a b/ü')).toBe('/api/trajectories/a%20b%2F%C3%BC');
    expect(trajectoryRecordHref('..')).toBeUndefined();
    expect(trajectoryRecordHref('.')).toBeUndefined();
  });
});

describe('question links', () => {
  it('encodes training and question ids in the group path', () => {
    expect(groupHref('ppo lr/3', 4, 'q?1')).toBe('/groups/ppo%20lr%2F3/4/q%3F1');
  });

  it('names the runs and the epoch only when given', () => {
    expect(questionRunsHref('q1')).toBe('/questions/q1');
    expect(questionRunsHref('a:1', ['x', 'y'], 3)).toBe('/questions/a%3A1?training_id=x%2Cy&epoch_id=3');
    expect(disagreementHref('x', 'y')).toBe('/questions?training_ids=x%2Cy');
  });
});
