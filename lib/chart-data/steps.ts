/** Observations longer than this (characters or lines) are collapsed behind "show more". */
const COLLAPSE_CHARS = 1500;
const COLLAPSE_LINES = 20;
/** Steps rendered up front; the rest wait behind "show all N steps". */
export const STEP_RENDER_LIMIT = 200;

export interface ClippedText {
  /** What is shown while collapsed (the whole text when nothing was clipped). */
  preview: string;
  clipped: boolean;
  /** Characters left out of the preview. */
  hiddenChars: number;
}

/** The head of a long text: at most `maxChars` characters and `maxLines` lines. */
export function clipText(text: string, maxChars = COLLAPSE_CHARS, maxLines = COLLAPSE_LINES): ClippedText {
  let end = Math.min(text.length, maxChars);
  let lines = 1;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++lines > maxLines) {
      end = i;
      break;
    }
  }
  return end >= text.length
    ? { preview: text, clipped: false, hiddenChars: 0 }
    : { preview: text.slice(0, end), clipped: true, hiddenChars: text.length - end };
}

/** Tool arguments as indented JSON; a string holding JSON is unpacked, any other string is shown as it is. */
export function prettyArguments(input: unknown): string {
  if (input === null || input === undefined) return '';
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      return typeof parsed === 'object' && parsed !== null ? JSON.stringify(parsed, null, 2) : input;
    } catch {
      return input;
    }
  }
  return JSON.stringify(input, null, 2) ?? String(input);
}

/** A short form of a trajectory id for tables: long hashes keep their head and tail. */
export function shortId(id: string, head = 8, tail = 4): string {
  return id.length <= head + tail + 1 ? id : `${id.slice(0, head)}…${id.slice(-tail)}`;
}
