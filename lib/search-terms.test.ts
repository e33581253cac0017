import { describe, expect, it } from 'vitest';
import { searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('splits at punctuation and spaces, lowercases and keeps each word once', () => {
    expect(searchTerms("Error: flight O'Brien error")).toEqual(['error', 'flight', 'o', 'brien']);
  });
  it('keeps letters and digits of any script together', () => {
    expect(searchTerms('Zürich—東京 42x')).toEqual(['zürich', '東京', '42x']);
  });
  it('has no words for nothing, spaces or punctuation only', () => {
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms(' -- "" ')).toEqual([]);
  });
});
