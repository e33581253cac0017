/** What stands for the characters a shortened name leaves out. */
export const ELLIPSIS = '…';

/** Of the characters a shortened name keeps, the share taken from its start (the rest come from its end). */
const HEAD_SHARE = 0.4;

/**
 * A name of at most `max` characters (code points), shortened in the middle: run names differ at both ends
 * ("tau2-384954369-airline-grok-3" against "tau2-384954369-retail-gpt-4o"), and their ends (domain, model, seed) say
 * most, so the end keeps more than the start: "tau2-3849…airline-grok-3". Shown with the full name on hover.
 */
export function middleEllipsis(name: string, max: number): string {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`middleEllipsis: bad length ${max}`);
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const kept = max - 1;
  const head = Math.floor(kept * HEAD_SHARE);
  const tail = kept - head;
  return `${chars.slice(0, head).join('')}${ELLIPSIS}${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/**
 * Each name shortened to at most `max` characters, all still different from one another (they are a chart's keys):
 * names that would read the same are given more characters, up to their full length.
 */
export function uniqueShortNames(names: readonly string[], max: number): string[] {
  const short = names.map((name) => middleEllipsis(name, max));
  const longest = Math.max(0, ...names.map((name) => Array.from(name).length));
  for (let width = max + 1; width <= longest; width++) {
    const seen = new Map<string, number>();
    for (const label of short) seen.set(label, (seen.get(label) ?? 0) + 1);
    const clashing = short.flatMap((label, i) => ((seen.get(label) ?? 0) > 1 ? [i] : []));
    if (clashing.length === 0) break;
    for (const i of clashing) short[i] = middleEllipsis(names[i], width);
  }
  return short;
}

/** A time of day with a fraction of a second: "22:50:14.284120". */
const SUBSECONDS = /(\d{2}:\d{2}:\d{2})\.\d+/gu;

/**
 * The names with the fractions of a second of their times left out ("tau2-airline-xai/grok-3-2025-10-05T22:50:14"
 * of "…T22:50:14.284120"): a short label's characters go to the parts that tell runs apart. The names as given when
 * leaving them out would make two read the same.
 */
export function withoutSubseconds(names: readonly string[]): string[] {
  const short = names.map((name) => name.replace(SUBSECONDS, '$1'));
  return new Set(short).size === new Set(names).size ? short : [...names];
}

/** Characters after which a name may be cut: the separators of run names. */
const SEPARATORS = new Set(['-', '_', '/', '.', ':', ' ']);

/**
 * A name in pieces that each end with a separator (the last with whatever follows the last one): where a name may
 * wrap onto the next line, so "tau2-airline-xai/grok-3-2025-10-13T12:55:31" breaks between its parts rather than
 * inside "grok". Joined, the pieces are the name.
 */
export function nameBreaks(name: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of Array.from(name)) {
    piece += char;
    if (SEPARATORS.has(char)) {
      pieces.push(piece);
      piece = '';
    }
  }
  if (piece !== '' || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/**
 * The start every name shares, up to and including its last separator ("tau2-" of "tau2-384954369-airline-grok-3"
 * and "tau2-385239453-retail-gpt-4.1"): what a chart's labels can leave out, since it tells no name apart. Empty for
 * fewer than two names, or when it would leave a name empty.
 */
export function sharedStart(names: readonly string[]): string {
  if (names.length < 2) return '';
  const chars = names.map((name) => Array.from(name));
  let common = 0;
  while (chars.every((c) => common < c.length - 1 && c[common] === chars[0][common])) common++;
  let end = common;
  while (end > 0 && !SEPARATORS.has(chars[0][end - 1])) end--;
  return chars[0].slice(0, end).join('');
}
