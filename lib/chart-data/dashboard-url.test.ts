import { createLoader } from 'nuqs/server';
import { describe, expect, it } from 'vitest';
import { dashboardParsers } from '@/lib/search-params';
import {
  dashboardHref,
  nextSort,
  pageHref,
  resetFiltersHref,
  sortDirection,
  tabHref,
  trajectoryHref,
} from './dashboard-url';

const load = createLoader(dashboardParsers);

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
  it('drop empty lists and nulls', () => {
    expect(dashboardHref(params, { training_id: [], sort: null, page: null, trajectory: null })).toBe(
      '/analysis?reward_max=0&tab=failures',
    );
  });
});

describe('sorting', () => {
  it('sorts by a new column ascending and flips the active one', () => {
    expect(nextSort(null, 'reward')).toBe('-reward');
    expect(nextSort('-reward', 'reward')).toBe('reward');
    expect(nextSort('reward', 'step_count')).toBe('step_count');
    expect(nextSort('step_count', 'step_count')).toBe('-step_count');
  });
  it('reports the direction of each column', () => {
    expect(sortDirection(null, 'reward')).toBe('ascending');
    expect(sortDirection('-epoch_id', 'epoch_id')).toBe('descending');
    expect(sortDirection('-epoch_id', 'reward')).toBe('none');
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
});
