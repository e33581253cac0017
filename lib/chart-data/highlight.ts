/** A piece of a text: matched by a search word or not. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** A search word as a literal inside a regular expression. */
function literal(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits `text` into the pieces that are whole words of the search (case-insensitive, as the step index matches
 * them) and the rest, in order; joined again they are `text`. Plain strings only: the caller renders them as text.
 */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const words = terms.filter((term) => term !== '');
  if (words.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }];
  // Longest first, so a word is never cut short by a shorter one that starts it.
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(literal);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const segments: TextSegment[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) segments.push({ text: text.slice(last, start), match: false });
    segments.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), match: false });
  return segments;
}
