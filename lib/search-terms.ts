/**
 * How `q` reads as a search of the step text: words, split at anything but letters and digits (as LanceDB's "simple"
 * tokenizer does) and lowercased, and phrases in double quotes, whose words must follow each other in that order.
 * The step search requires every word and every phrase; highlighting marks their words.
 */

/** The words of a text as the step-text index splits them, lowercased, in order. */
export function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * What the step search requires: each entry is a run of words that must occur in that order (one word: anywhere).
 * `"division by zero" timeout` → [["division", "by", "zero"], ["timeout"]]. An unclosed quote runs to the end.
 * Entries are unique.
 */
export function searchPhrases(q: string | null | undefined): string[][] {
  if (!q) return [];
  const found = new Map<string, string[]>();
  const add = (run: string[]) => {
    if (run.length > 0) found.set(run.join(' '), run);
  };
  q.split('"').forEach((part, i) => {
    if (i % 2 === 1) add(textWords(part));
    else for (const word of textWords(part)) add([word]);
  });
  return [...found.values()];
}

/** Every word of the search, each once: what highlighting marks. */
export function searchTerms(q: string | null | undefined): string[] {
  return [...new Set(searchPhrases(q).flat())];
}
