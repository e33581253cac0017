import { describe, expect, it } from 'vitest';
import { searchPhrases, searchTerms } from './search-terms';

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

describe('searchPhrases', () => {
  it('keeps a quoted phrase as words in order, and bare words on their own', () => {
    expect(searchPhrases('"Division by zero" timeout')).toEqual([['division', 'by', 'zero'], ['timeout']]);
    expect(searchTerms('"Division by zero" timeout')).toEqual(['division', 'by', 'zero', 'timeout']);
  });
  it('reads an unclosed quote to the end, a one-word phrase as a word, and repeats once', () => {
    expect(searchPhrases('error "not found')).toEqual([['error'], ['not', 'found']]);
    expect(searchPhrases('"error" error "a b" "a b"')).toEqual([['error'], ['a', 'b']]);
  });
  it('has no phrases for nothing or quotes only', () => {
    expect(searchPhrases(null)).toEqual([]);
    expect(searchPhrases('"" " "')).toEqual([]);
  });
});
