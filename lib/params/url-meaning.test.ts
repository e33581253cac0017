import { describe, expect, it } from 'vitest';
import { parseAnalysisQuery } from '../analysis/filters/query';
import { filterChips } from '../chart-data/filters';
import {
  FILTER_KEYS,
  loadDashboard,
  METRIC_KEYS,
  PAGE_KEYS,
  decodeSegment,
  loadTrajectoryPage,
  segmentParam,
  tabHref,
  trajectoryHref,
  type DashboardParams,
} from '../search-params';

/** A parameter of the dashboard URL. */
type DashboardKey = keyof DashboardParams;

/**
 * One meaning for every URL: the page's nuqs loader, the API's validation, the filter chips and the link to the next
 * tab all read the same values. Expected values are written out by hand.
 */

const SHARED: DashboardKey[] = [...FILTER_KEYS, ...METRIC_KEYS, ...PAGE_KEYS];

function readings(search: string) {
  const page = loadDashboard(search);
  const api = parseAnalysisQuery(new URLSearchParams(search), PAGE_KEYS);
  const chips = filterChips(page).map((chip) => [chip.key, chip.value]);
  const next = loadDashboard(tabHref(page, 'failures').split('?')[1] ?? '');
  return { page, api, chips, next };
}

function expectAgreement(search: string) {
  const { page, api, next } = readings(search);
  for (const key of SHARED) {
    expect(page[key] ?? undefined, `${key}: page vs API`).toEqual(api[key as keyof typeof api]);
    expect(next[key], `${key}: next tab link`).toEqual(page[key]);
  }
}

describe('list parameters read the same everywhere', () => {
  it.each<[string, string, string[]]>([
    ['repeated keys are concatenated', '?training_id=a&training_id=b', ['a', 'b']],
    ['repeated keys mixed with commas', '?training_id=a,b&training_id=c', ['a', 'b', 'c']],
    ['empty items are dropped', '?training_id=a,,b,', ['a', 'b']],
    ['items are trimmed', '?training_id=%20a%20,%20b%20', ['a', 'b']],
    ['duplicates are removed, first occurrence first', '?training_id=b,a&training_id=b', ['b', 'a']],
    ['%2C splits like a comma', '?training_id=a%2Cb', ['a', 'b']],
    ['unicode stays as it is', '?training_id=%C3%BC-run,%E6%97%A5%E6%9C%AC', ['ü-run', '日本']],
    ['+ is a space, trimmed away at the ends', '?training_id=+a+b+', ['a b']],
  ])('%s: %s', (_, search, expected) => {
    const { page, api, chips, next } = readings(search);
    expect(page.training_id).toEqual(expected);
    expect(api.training_id).toEqual(expected);
    expect(chips).toEqual(expected.map((id) => ['training_id', id]));
    expect(next.training_id).toEqual(expected);
    expectAgreement(search);
  });

  it.each(['?training_id=', '?training_id=,,', '?training_id=%20,%20', '?training_id=&training_id='])(
    '%s is no filter at all',
    (search) => {
      const { page, api, chips, next } = readings(search);
      expect(page.training_id).toBeNull();
      expect(api.training_id).toBeUndefined();
      expect(chips).toEqual([]);
      expect(next.training_id).toBeNull();
    },
  );

  it('reads the comparison list and the other filter lists the same way', () => {
    const search = '?training_ids=x,,y&training_ids=x&tools_none=%20search&tools_none=python,search';
    const { page, api } = readings(search);
    expect(page.training_ids).toEqual(['x', 'y']);
    expect(api.training_ids).toEqual(['x', 'y']);
    expect(page.tools_none).toEqual(['search', 'python']);
    expect(api.tools_none).toEqual(['search', 'python']);
    expectAgreement(search);
  });
});

describe('scalar parameters read the same everywhere', () => {
  it.each<[string, DashboardKey, unknown]>([
    ['?q=a,b', 'q', 'a,b'],
    ['?q=%20spaced%20', 'q', ' spaced '],
    ['?q=%C3%BC%2C%20x', 'q', 'ü, x'],
    ['?epoch_id=3&epoch_id=', 'epoch_id', 3],
    ['?epoch_id=&epoch_id=3', 'epoch_id', 3],
    ['?reward_min=-0.5', 'reward_min', -0.5],
    ['?sort=-step_count', 'sort', '-step_count'],
    ['?tool_failed=any', 'tool_failed', 'any'],
  ])('%s', (search, key, expected) => {
    const { page, api, next } = readings(search);
    expect(page[key]).toEqual(expected);
    expect(api[key as keyof typeof api]).toEqual(expected);
    expect(next[key]).toEqual(expected);
    expectAgreement(search);
  });

  it('an empty scalar is absent, and a defaulted one takes its default', () => {
    const { page, api, chips } = readings('?q=&epoch_id=&success_threshold=');
    expect([page.q, page.epoch_id, page.success_threshold]).toEqual([null, null, 0]);
    expect([api.q, api.epoch_id, api.success_threshold]).toEqual([undefined, undefined, 0]);
    expect(chips).toEqual([]);
  });

  it.each<[string, DashboardKey]>([
    ['?epoch_id=3&epoch_id=4', 'epoch_id'],
    ['?q=a&q=b', 'q'],
    ['?sort=reward&sort=reward', 'sort'],
    ['?epoch_id=1.5', 'epoch_id'],
    ['?epoch_id=12abc', 'epoch_id'],
    ['?reward_min=0x10', 'reward_min'],
    ['?k=1e2', 'k'],
    ['?sort=sideways', 'sort'],
  ])('%s is rejected by the API and never read as a value by the page', (search, key) => {
    expect(() => parseAnalysisQuery(new URLSearchParams(search), PAGE_KEYS)).toThrow(
      expect.objectContaining({ param: key }),
    );
    expect(loadDashboard(search)[key]).toBeNull();
  });
});

describe('the next tab link', () => {
  it('writes each list once, comma-separated, and drops nothing', () => {
    expect(
      tabHref(loadDashboard('?training_id=a&training_id=b&training_id=a&tab=overview'), 'failures'),
    ).toBe('/analysis?training_id=a,b&tab=failures');
  });
});

describe('the page reads Next.js searchParams records like URLs', () => {
  it('takes every value of a repeated key', () => {
    const record = { training_id: ['a', 'b, c'], epoch_id: '2', q: undefined };
    const page = loadDashboard(record);
    const api = parseAnalysisQuery(record, PAGE_KEYS);
    expect(page.training_id).toEqual(['a', 'b', 'c']);
    expect(api.training_id).toEqual(['a', 'b', 'c']);
    expect([page.epoch_id, api.epoch_id]).toEqual([2, 2]);
    expect([page.q, api.q]).toEqual([null, undefined]);
  });
});

describe('the trajectory page reads its URL through the same table', () => {
  it('reads the search as the dashboard and the API read it', () => {
    for (const search of [
      '?q=retry%20backoff',
      '?q=%C3%BC%2C%20x',
      '?q=',
      '?q=a&q=b',
      `?q=${'x'.repeat(257)}`,
    ]) {
      const api = (() => {
        try {
          return parseAnalysisQuery(new URLSearchParams(search)).q ?? null;
        } catch {
          return null;
        }
      })();
      expect(loadTrajectoryPage(search).q, search).toEqual(loadDashboard(search).q);
      expect(loadTrajectoryPage(search).q, search).toEqual(api);
    }
  });

  it.each<[string, number | null]>([
    ['?step=30', 30],
    ['?step=007', 7],
    ['?step=0', null],
    ['?step=-3', null],
    ['?step=1.5', null],
    ['?step=abc', null],
    ['?step=2&step=3', null],
    ['', null],
  ])('reads step from %s (absent or bad: the first window)', (search, expected) => {
    expect(loadTrajectoryPage(search).step).toBe(expected);
  });

  it('reads back what trajectoryHref writes', () => {
    const [, query] = trajectoryHref('..', ' failed & <b> ', 201).split('?');
    expect(loadTrajectoryPage(query)).toEqual({ id: '..', q: 'failed & <b>', step: 201, a: null, b: null });
    const [path, search] = trajectoryHref('a b%/ü', 'x').split('?');
    expect(decodeSegment(path.split('/')[2])).toBe('a b%/ü');
    expect(loadTrajectoryPage(search)).toEqual({ id: null, q: 'x', step: null, a: null, b: null });
  });

  it('is not part of the dashboard URL, and the API rejects it', () => {
    expect(loadDashboard('?step=3&id=x')).not.toHaveProperty('step');
    expect(() => parseAnalysisQuery(new URLSearchParams('?step=3'))).toThrow(
      expect.objectContaining({ param: 'step' }),
    );
  });
});

describe('path segments', () => {
  it('decode once; a segment that does not decode, or was decoded already, stays as it is', () => {
    expect(decodeSegment('q%3A1')).toBe('q:1');
    expect(decodeSegment('100%')).toBe('100%');
    expect(decodeSegment('a%252F')).toBe('a%2F');
  });

  it.each<[string, number | null]>([
    ['3', 3],
    ['03', 3],
    ['2147483647', 2147483647],
    ['2147483648', null],
    ['-1', null],
    ['1.5', null],
    ['x', null],
    [' 1', null],
  ])('the group page reads the epoch segment %j as epoch_id=%j would be read', (segment, expected) => {
    expect(segmentParam('epoch_id', segment)).toBe(expected);
    expect(loadDashboard(`?epoch_id=${encodeURIComponent(segment)}`).epoch_id).toBe(expected);
  });
});
