import { describe, expect, it } from 'vitest';
import { escapeStrayPercents, hasMalformedEscape } from './malformed-path';

describe('malformed %-escapes in a path', () => {
  it('finds escapes that do not decode', () => {
    expect(hasMalformedEscape('/api/trajectories/%zz')).toBe(true);
    expect(hasMalformedEscape('/trajectories/%E0%A4id')).toBe(true);
    expect(hasMalformedEscape('/trajectories/abc%')).toBe(true);
    expect(hasMalformedEscape('/trajectories/a%20b%25%2F%C3%BC')).toBe(false);
    expect(hasMalformedEscape('/trajectories/plain')).toBe(false);
  });

  it('escapes the % of an undecodable segment so it reads as typed', () => {
    expect(escapeStrayPercents('/trajectories/%E0%A4id')).toBe('/trajectories/%25E0%25A4id');
    expect(decodeURIComponent('%25E0%25A4id')).toBe('%E0%A4id');
    expect(escapeStrayPercents('/a%20b/%zz')).toBe('/a%20b/%25zz');
  });
});
