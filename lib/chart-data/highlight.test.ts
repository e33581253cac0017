import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks whole words of the search, case-insensitively, and keeps the rest in order', () => {
    expect(highlightSegments('Error: search FAILED, failedly failed', ['failed'])).toEqual([
      { text: 'Error: search ', match: false },
      { text: 'FAILED', match: true },
      { text: ', failedly ', match: false },
      { text: 'failed', match: true },
    ]);
  });

  it('keeps markup as plain text pieces', () => {
    const segments = highlightSegments('failed on <script>alert(1)</script>', ['script']);
    expect(segments).toEqual([
      { text: 'failed on <', match: false },
      { text: 'script', match: true },
      { text: '>alert(1)</', match: false },
      { text: 'script', match: true },
      { text: '>', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('failed on <script>alert(1)</script>');
  });

  it('treats regular-expression characters in a word literally and prefers the longer word', () => {
    expect(highlightSegments('a.b ab flight flights', ['a.b', 'flight', 'flights'])).toEqual([
      { text: 'a.b', match: true },
      { text: ' ab ', match: false },
      { text: 'flight', match: true },
      { text: ' ', match: false },
      { text: 'flights', match: true },
    ]);
  });

  it('matches words in other scripts', () => {
    expect(highlightSegments('Flug nach Zürich.', ['zürich'])).toEqual([
      { text: 'Flug nach ', match: false },
      { text: 'Zürich', match: true },
      { text: '.', match: false },
    ]);
  });

  it('returns the text whole without words, and nothing for an empty text', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', match: false }]);
    expect(highlightSegments('', ['x'])).toEqual([]);
  });
});
