/** Characters of one text sent to the browser at most; the rest stays in the raw record. */
export const TEXT_SEND_LIMIT = 20_000;

/** A text cut to what the page sends, with the length of the whole. */
export interface BoundedText {
  text: string;
  /** Length of the whole text (equal to text.length when nothing was cut). */
  length: number;
}

export function boundText(text: string, limit = TEXT_SEND_LIMIT): BoundedText {
  if (text.length <= limit) return { text, length: text.length };
  // Never cut a surrogate pair in half.
  const end = isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  return { text: text.slice(0, end), length: text.length };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
