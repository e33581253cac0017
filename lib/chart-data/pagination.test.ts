import { describe, expect, it } from 'vitest';
import { pageInfo, pageNumbers } from './pagination';

describe('pageInfo', () => {
  it('locates a page', () => {
    expect(pageInfo(95, 20, 40)).toEqual({ page: 3, pageCount: 5, first: 41, last: 60, total: 95 });
    expect(pageInfo(95, 20, 80)).toMatchObject({ page: 5, first: 81, last: 95 });
  });
  it('handles no items', () => {
    expect(pageInfo(0, 20, 0)).toEqual({ page: 1, pageCount: 1, first: 0, last: 0, total: 0 });
  });
  it('clamps an offset past the end', () => {
    expect(pageInfo(10, 5, 100).page).toBe(2);
  });
});

describe('pageNumbers', () => {
  it('shows all pages when there are few', () => {
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it('elides the middle of long runs', () => {
    expect(pageNumbers(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    expect(pageNumbers(1, 20)).toEqual([1, 2, null, 20]);
  });
});
