import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { JsonArraySplitter } from './json-array';
import { describeJsonError, jsonDepthExceeds, loneSurrogatePath, MAX_JSON_DEPTH } from './json-checks';
import type { RawRecordOrError } from './types';
import { decodeUtf8Lines } from './utf8-lines';

/** The name used for standard input in error messages. */
export const STDIN_SOURCE = '<stdin>';

export interface ReadOptions {
  /** Name used in errors; defaults to the path (or `<stdin>` for `-`, `<stream>` for a Readable). */
  source?: string;
  /** Called with the size of every chunk read from the input (compressed size for gzip). */
  onBytes?: (bytes: number) => void;
}

/**
 * Streams the records of a file path, `-` (stdin) or a Readable: JSONL (one JSON value per line, blank lines
 * skipped) or one JSON array (when the first non-blank character is `[`), gunzipped transparently when the data
 * starts with the gzip magic bytes. Yields `{ source, line, value }` per record, or `{ source, line, error }` for a
 * record that is not valid JSON; an unreadable or corrupt input yields a final error (field `file`) and stops.
 */
export async function* readRecords(
  input: string | Readable,
  options: ReadOptions = {},
): AsyncGenerator<RawRecordOrError> {
  const source =
    options.source ?? (typeof input === 'string' ? (input === '-' ? STDIN_SOURCE : input) : '<stream>');
  const opened = typeof input === 'string' && input !== '-' ? createReadStream(input) : null;
  const stream: Readable = opened ?? (input === '-' ? process.stdin : (input as Readable));
  const invalidUtf8Lines = new Set<number>();
  try {
    yield* readRecordsFromText(
      decodeUtf8Lines(gunzipIfNeeded(counted(stream, options.onBytes)), invalidUtf8Lines),
      source,
      invalidUtf8Lines,
    );
  } finally {
    opened?.destroy();
  }
}

/**
 * Records of text chunks (JSONL or one JSON array). Errors thrown by `chunks` become a final `file` error. A record on
 * a line listed in `invalidUtf8Lines` (filled in while `chunks` is read) is rejected as not UTF-8.
 */
export async function* readRecordsFromText(
  chunks: AsyncIterable<string> | Iterable<string>,
  source: string,
  invalidUtf8Lines: ReadonlySet<number> = new Set(),
): AsyncGenerator<RawRecordOrError> {
  let reader: TextRecordReader | null = null;
  let head = '';
  let line = 1;
  try {
    for await (const chunk of chunks) {
      if (reader) {
        yield* reader.push(chunk);
        continue;
      }
      head += chunk;
      const first = head.search(/\S/);
      if (first === -1) continue;
      reader =
        head[first] === '['
          ? new ArrayReader(source, invalidUtf8Lines)
          : new LinesReader(source, invalidUtf8Lines);
      yield* reader.push(head);
      head = '';
    }
    if (reader) yield* reader.end();
  } catch (error) {
    line = reader?.currentLine() ?? line;
    yield { source, line, field: 'file', error: readErrorMessage(error) };
  }
}

interface TextRecordReader {
  push(chunk: string): RawRecordOrError[];
  end(): RawRecordOrError[];
  currentLine(): number;
}

class LinesReader implements TextRecordReader {
  /** The unfinished last line, in pieces (a single record can span many chunks). */
  private parts: string[] = [];
  private line = 0;

  constructor(
    private readonly source: string,
    private readonly invalidUtf8Lines: ReadonlySet<number>,
  ) {}

  push(chunk: string): RawRecordOrError[] {
    const out: RawRecordOrError[] = [];
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      this.parts.push(chunk);
      return out;
    }
    this.parts.push(chunk.slice(0, nl));
    this.emit(this.parts.join(''), out);
    this.parts = [];
    let start = nl + 1;
    while ((nl = chunk.indexOf('\n', start)) !== -1) {
      this.emit(chunk.slice(start, nl), out);
      start = nl + 1;
    }
    if (start < chunk.length) this.parts.push(chunk.slice(start));
    return out;
  }

  end(): RawRecordOrError[] {
    const out: RawRecordOrError[] = [];
    if (this.parts.length > 0) this.emit(this.parts.join(''), out);
    this.parts = [];
    return out;
  }

  currentLine(): number {
    return this.line + 1;
  }

  private emit(rawLine: string, out: RawRecordOrError[]): void {
    this.line++;
    const text = rawLine.trim();
    if (text === '') return;
    const column = rawLine.length - rawLine.trimStart().length + 1;
    out.push(parseJson(text, this.source, this.line, column, this.invalidUtf8Lines.has(this.line)));
  }
}

class ArrayReader implements TextRecordReader {
  private readonly splitter = new JsonArraySplitter();
  private lastLine = 1;

  constructor(
    private readonly source: string,
    private readonly invalidUtf8Lines: ReadonlySet<number>,
  ) {}

  push(chunk: string): RawRecordOrError[] {
    return this.convert(this.splitter.push(chunk));
  }

  end(): RawRecordOrError[] {
    return this.convert(this.splitter.end());
  }

  currentLine(): number {
    return this.lastLine;
  }

  private convert(pieces: ReturnType<JsonArraySplitter['push']>): RawRecordOrError[] {
    return pieces.map((piece) => {
      this.lastLine = piece.line;
      if ('error' in piece)
        return { source: this.source, line: piece.line, field: 'json', error: piece.error };
      let invalid = false;
      for (let line = piece.line; line <= piece.endLine && !invalid; line++)
        invalid = this.invalidUtf8Lines.has(line);
      return parseJson(piece.text, this.source, piece.line, 0, invalid);
    });
  }
}

/**
 * One record's JSON text → its value, or an error naming where it goes wrong: not UTF-8, nested deeper than
 * `MAX_JSON_DEPTH` (checked before parsing, so no parse or walk can overflow the stack), invalid JSON (with line and
 * column; `column` is where the text starts on its first line, 0 when unknown), or a string with an unpaired surrogate.
 */
function parseJson(
  text: string,
  source: string,
  line: number,
  column: number,
  invalidUtf8: boolean,
): RawRecordOrError {
  if (invalidUtf8)
    return { source, line, error: 'invalid UTF-8: the record has bytes that are not UTF-8 text' };
  if (jsonDepthExceeds(text)) {
    return { source, line, error: `nested deeper than ${MAX_JSON_DEPTH} levels of arrays/objects` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = describeJsonError((error as Error).message, text, line, column || 1);
    return { source, line, error: `invalid JSON ${where}` };
  }
  const surrogate = loneSurrogatePath(value, text);
  if (surrogate !== null) {
    return {
      source,
      line,
      field: surrogate,
      error: 'has an unpaired UTF-16 surrogate (a \\uD800–\\uDFFF escape without its pair); fix the text',
    };
  }
  return { source, line, value };
}

async function* counted(
  stream: AsyncIterable<Buffer | string>,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncGenerator<Buffer | string> {
  for await (const chunk of stream) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}

/** Passes bytes through, gunzipping them when they start with the gzip magic bytes 1f 8b. */
async function* gunzipIfNeeded(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  while (headLength < 2) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    headLength += chunk.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  const first = Buffer.concat(head);
  if (first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b) {
    const gunzip = createGunzip();
    const raw = Readable.from(all());
    raw.on('error', (error) => gunzip.destroy(error));
    raw.pipe(gunzip);
    yield* gunzip as AsyncIterable<Buffer>;
  } else {
    yield* all();
  }
}

function readErrorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return `cannot read ${e.path ?? 'the input'}: no such file`;
  if (e?.code === 'EACCES') return `cannot read ${e.path ?? 'the input'}: permission denied`;
  if (e?.code === 'EISDIR') return 'cannot read the input: it is a directory';
  if (e?.code === 'Z_BUF_ERROR' || e?.code === 'Z_DATA_ERROR') return `corrupt gzip data: ${e.message}`;
  return `read failed: ${e?.message ?? String(error)}`;
}
