import { describe, expect, it } from 'vitest';
import { parseAnalysisQuery } from '../analysis/filters/query';
import { filterClauses } from '../analysis/filters/clauses';
import { parameterRows } from './doc-table';
import { dashboardHref, tabHref } from './hrefs';
import { loadDashboard } from './parsers';
import { readParam, writeParam } from './read';
import { FAILURES_REWARD_MAX, NO_BOUND, PAGE_KEYS, PARAMS } from './table';

/** `reward_max=any`: the documented value that lifts the failure list's default reward cap. */
describe('reward_max=any', () => {
  it('reads as +∞ on the page and in the API, and is written back as the word', () => {
    expect(NO_BOUND).toBe('any');
    expect(readParam(PARAMS.reward_max, ['any'])).toBe(Infinity);
    expect(writeParam(PARAMS.reward_max, Infinity)).toBe('any');
    const page = loadDashboard('?reward_max=any&tab=failures');
    expect(page.reward_max).toBe(Infinity);
    expect(parseAnalysisQuery(new URLSearchParams('?reward_max=any'), PAGE_KEYS).reward_max).toBe(Infinity);
    expect(tabHref(page, 'overview')).toBe('/analysis?reward_max=any');
    expect(dashboardHref(loadDashboard('?tab=failures'), { reward_max: Infinity })).toBe(
      '/analysis?reward_max=any&tab=failures',
    );
  });

  it('narrows nothing: no clause, and any reward_min goes with it', () => {
    const query = parseAnalysisQuery(new URLSearchParams('?reward_max=any&reward_min=1'));
    expect(filterClauses({ reward_max: query.reward_max, reward_min: query.reward_min })).toEqual([
      { op: '>=', column: 'reward', value: 1 },
      { op: 'scored' },
    ]);
  });

  it('is only a word of the bounds that declare it, and only that word', () => {
    for (const [search, param] of [
      ['?reward_min=any', 'reward_min'],
      ['?epoch_max=any', 'epoch_max'],
      ['?reward_max=ANY', 'reward_max'],
      ['?reward_max=Infinity', 'reward_max'],
      ['?reward_max=any&reward_max=1', 'reward_max'],
    ] as const) {
      expect(() => parseAnalysisQuery(new URLSearchParams(search)), search).toThrow(
        expect.objectContaining({ param }),
      );
    }
  });

  it('is documented in the parameter table with the default it lifts', () => {
    const row = parameterRows().find((cells) => cells[0] === '`reward_max`')!;
    expect(row[1]).toBe('number -1e12 – 1e12, or `any`');
    expect(row[4]).toContain('`any`');
    expect(row[4]).toContain(String(FAILURES_REWARD_MAX));
  });
});
