import { describe, expect, it } from 'vitest';
import { loadDashboard, progressHref, runsTableHref } from '../search-params';

describe("the runs table's hrefs", () => {
  it("opens a run's Progress tab with its latest epoch selected", () => {
    expect(progressHref('grpo-a', 9)).toBe('/analysis?training_id=grpo-a&epoch_id=9&tab=progress');
    expect(progressHref('swe-agent', null)).toBe('/analysis?training_id=swe-agent&tab=progress');
    expect(progressHref('tau2-1-airline-xai/grok-3')).toBe(
      '/analysis?training_id=tau2-1-airline-xai/grok-3&tab=progress',
    );
  });

  it('writes the search, order and grouping of the home page, the default order left out', () => {
    expect(runsTableHref({ runs_q: 'airline grok', runs_sort: '-pass', runs_group: 'part3' })).toBe(
      '/?runs_q=airline+grok&runs_sort=-pass&runs_group=part3',
    );
    expect(runsTableHref({ runs_sort: '-updated', runs_group: null })).toBe('/');
  });

  it('reads them back as the page does; an unknown order or grouping reads as the default', () => {
    const read = loadDashboard('?runs_q=airline+grok&runs_sort=-pass&runs_group=part3');
    expect([read.runs_q, read.runs_sort, read.runs_group]).toEqual(['airline grok', '-pass', 'part3']);
    const bad = loadDashboard('?runs_sort=sideways&runs_group=part13');
    expect([bad.runs_q, bad.runs_sort, bad.runs_group]).toEqual([null, '-updated', null]);
  });
});
