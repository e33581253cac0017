import { describe, expect, it } from 'vitest';
import { parseAnalysisQuery } from '../analysis/filters/query';
import { pageSearchParams, parsePageQuery } from './page-query';
import { dashboardHref, pageHref, resetFiltersHref, tabHref } from './hrefs';
import { loadDashboard, loadTrajectoryPage } from './parsers';
import { PAGE_KEYS } from './table';

const SHARED = '?training_id=run_a&utm_source=slack&tab=failures&fbclid=x1&reward_min=0.5';

describe('a page ignores the parameters it does not read', () => {
  it('keeps the keys the page reads, in URL order, and drops the rest', () => {
    expect([...pageSearchParams(SHARED, PAGE_KEYS)]).toEqual([
      ['training_id', 'run_a'],
      ['tab', 'failures'],
      ['reward_min', '0.5'],
    ]);
  });

  it('reads the query as the API reads the same URL without the unknown keys', () => {
    const query = parsePageQuery(SHARED, PAGE_KEYS);
    expect(query).toEqual(
      parseAnalysisQuery(new URLSearchParams('?training_id=run_a&reward_min=0.5'), PAGE_KEYS),
    );
    expect(query.training_id).toEqual(['run_a']);
    expect(query.reward_min).toBe(0.5);
  });

  it('reads Next.js searchParams records, repeated keys included', () => {
    const record = { training_id: ['a', 'b'], utm_source: 'slack', utm_medium: ['x', 'y'], q: undefined };
    expect(parsePageQuery(record, PAGE_KEYS).training_id).toEqual(['a', 'b']);
  });

  it('drops a key the table has but this page does not read (an endpoint or trajectory-page key)', () => {
    // `limit` belongs to list endpoints, `step` to the trajectory page: neither is a dashboard key.
    expect(() => parsePageQuery('?limit=5&step=3&group_by=epoch_id', PAGE_KEYS)).not.toThrow();
    expect(parsePageQuery('?training_ids=a,b', ['training_ids']).training_ids).toEqual(['a', 'b']);
    expect(parsePageQuery('?training_ids=a,b').training_ids).toBeUndefined();
  });

  it('is lenient about names, never about values: a bad value of a key it reads still names it', () => {
    expect(() => parsePageQuery('?utm_source=x&reward_min=abc', PAGE_KEYS)).toThrow(
      expect.objectContaining({ param: 'reward_min' }),
    );
    expect(() => parsePageQuery('?reward_min=2&reward_max=1')).toThrow(
      expect.objectContaining({ param: 'reward_min' }),
    );
  });

  it('keys that look like object properties are dropped like any other unknown key', () => {
    expect(() => parsePageQuery('?__proto__=x&constructor=y&toString=z', PAGE_KEYS)).not.toThrow();
  });

  it('leaves the API strict: the same URL is a 400 naming the unknown key', () => {
    expect(() => parseAnalysisQuery(new URLSearchParams(SHARED), PAGE_KEYS)).toThrow(
      expect.objectContaining({ param: 'utm_source', status: 400 }),
    );
  });

  it('with filters: false reads only the allowed keys and the view keys', () => {
    expect([
      ...pageSearchParams('?training_ids=a&reward_min=1&tab=x', ['training_ids'], { filters: false }),
    ]).toEqual([
      ['training_ids', 'a'],
      ['tab', 'x'],
    ]);
  });
});

describe('the links a page makes carry no parameter it did not read', () => {
  const params = loadDashboard(SHARED);

  it('the dashboard reads only its own keys', () => {
    expect(Object.keys(params)).not.toContain('utm_source');
  });

  it.each<[string, string]>([
    ['another tab', tabHref(params, 'overview')],
    ['another page', pageHref(params, 2)],
    ['a change', dashboardHref(params, { trajectory: 't1' })],
    ['reset', resetFiltersHref(params)],
  ])('%s', (_, href) => {
    expect(href).not.toMatch(/utm_source|fbclid/);
    expect(href.startsWith('/analysis?')).toBe(true);
  });

  it('the trajectory page reads only its own keys', () => {
    const read = loadTrajectoryPage('?q=refund&utm_source=slack&step=2');
    expect([read.q, read.step]).toEqual(['refund', 2]);
    expect(Object.keys(read)).not.toContain('utm_source');
  });
});
