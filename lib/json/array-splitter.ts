/**
 * One top-level element of a JSON array, as text, with the lines it starts and ends on; `text` is null for an element
 * longer than the splitter's `maxLength` (its text was not kept).
 */
export type ArrayPiece =
  { line: number; endLine: number; text: string | null } | { line: number; error: string; fatal: boolean };

const enum Phase {
  Before, // expecting '['
  Between, // after '[' or ',': expecting an element (or ']' right after '[')
  Element, // inside an element
  After, // after an element: expecting ',' or ']'
  Done, // after the closing ']'
  Failed,
}

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Splits a (possibly huge) top-level JSON array into its elements' texts incrementally, holding only the current
 * element in memory, and at most `maxLength` characters of it (plus one chunk): a longer element is still delimited
 * but comes out without its text. Tracks strings, escapes and nesting depth; each element is then `JSON.parse`d by
 * the caller. Structural errors (text outside the array, unclosed array) end the split with a fatal piece.
 */
export class JsonArraySplitter {
  private phase = Phase.Before;
  private line: number;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private startLine = 0;
  private parts: string[] = [];
  private length = 0;
  private oversized = false;
  private afterOpen = false;

  constructor(
    private readonly maxLength = Infinity,
    /** The line the first chunk starts on. */
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  push(chunk: string): ArrayPiece[] {
    const out: ArrayPiece[] = [];
    let start = this.phase === Phase.Element ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      if (this.phase === Phase.Failed) return out;
      const c = chunk.charCodeAt(i);
      if (this.phase === Phase.Element) {
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.inString = false;
            if (this.depth === 0) this.finish(chunk, start, i + 1, out);
          } else if (c === NEWLINE) this.line++;
          continue;
        }
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (this.depth === 0) {
            // ']' closing the array right after a number/literal element.
            this.finish(chunk, start, i, out);
            i--;
            continue;
          }
          this.depth--;
          if (this.depth === 0) this.finish(chunk, start, i + 1, out);
        } else if (this.depth === 0 && (c === COMMA || isSpace(c))) {
          this.finish(chunk, start, i, out);
          i--;
          continue;
        } else if (c === NEWLINE) this.line++;
        continue;
      }
      if (c === NEWLINE) {
        this.line++;
        continue;
      }
      if (isSpace(c)) continue;
      switch (this.phase) {
        case Phase.Before:
          if (c === OPEN_BRACKET) {
            this.phase = Phase.Between;
            this.afterOpen = true;
          } else this.fail(out, 'expected a JSON array starting with [');
          break;
        case Phase.Between:
          if (c === CLOSE_BRACKET && this.afterOpen) this.phase = Phase.Done;
          else if (c === COMMA || c === CLOSE_BRACKET)
            this.fail(out, `unexpected '${String.fromCharCode(c)}'`);
          else {
            this.phase = Phase.Element;
            this.afterOpen = false;
            this.startLine = this.line;
            this.parts = [];
            this.length = 0;
            this.oversized = false;
            start = i;
            i--; // re-read the first char as part of the element
          }
          break;
        case Phase.After:
          if (c === COMMA) this.phase = Phase.Between;
          else if (c === CLOSE_BRACKET) this.phase = Phase.Done;
          else this.fail(out, `expected ',' or ']' after an array element, got '${String.fromCharCode(c)}'`);
          break;
        case Phase.Done:
          this.fail(out, 'unexpected data after the closing ]');
          break;
      }
    }
    if (this.phase === Phase.Element && start >= 0) this.keep(chunk, start, chunk.length);
    return out;
  }

  /** Call at end of input: reports an unclosed array or an unterminated element. */
  end(): ArrayPiece[] {
    if (this.phase === Phase.Done || this.phase === Phase.Failed) return [];
    const out: ArrayPiece[] = [];
    if (this.phase === Phase.Before) return out; // empty input: no records
    this.fail(out, 'unexpected end of input: the JSON array is not closed');
    return out;
  }

  private finish(chunk: string, start: number, endExclusive: number, out: ArrayPiece[]): void {
    this.keep(chunk, Math.max(start, 0), endExclusive);
    out.push({ line: this.startLine, endLine: this.line, text: this.oversized ? null : this.parts.join('') });
    this.parts = [];
    this.length = 0;
    this.phase = Phase.After;
  }

  /** Keeps `chunk[start, end)` of the current element, unless the element has grown past `maxLength`. */
  private keep(chunk: string, start: number, end: number): void {
    if (this.oversized) return;
    this.length += end - start;
    if (this.length > this.maxLength) {
      this.oversized = true;
      this.parts = [];
      return;
    }
    this.parts.push(chunk.slice(start, end));
  }

  private fail(out: ArrayPiece[], error: string): void {
    out.push({ line: this.line, error, fatal: true });
    this.phase = Phase.Failed;
  }
}
