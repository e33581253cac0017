import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { JsonArraySplitter } from '../json/array-splitter';
import { readJsonObject } from './containers/json-object';
import { describeJsonError, jsonDepthExceeds, loneSurrogatePath, MAX_JSON_DEPTH } from './json-checks';
import { DEFAULT_INGEST_LIMITS, formatLimit, IngestLimitError, limitSetting, overLimit } from './limits';
import type { ContainerInfo, RawInput, RawRecordOrError, RawText } from './types';
import { decodeUtf8Lines } from './utf8-lines';

/** The name used for standard input in error messages. */
export const STDIN_SOURCE = '<stdin>';

/** Bounds on what a gzip input may inflate to (HTTP bodies; files given to the CLI are not bounded). */
export interface InflateLimits {
  maxInflatedBytes: number;
  maxInflateRatio: number;
}

/** A gzip input is held to its inflate ratio only after it has inflated this much (small inputs vary widely). */
export const RATIO_CHECK_AFTER_BYTES = 1024 * 1024;

export interface ReadOptions {
  /** Name used in errors; defaults to the path (or `<stdin>` for `-`, `<stream>` for a stream). */
  source?: string;
  /** Called with the size of every chunk read from the input (compressed size for gzip). */
  onBytes?: (bytes: number) => void;
  /** Longest record text, in characters (default `INGEST_MAX_RECORD_BYTES`'s default); longer ones are rejected. */
  maxRecordBytes?: number;
  /** Caps on the inflated size of a gzip input; absent: none. */
  inflate?: InflateLimits;
  /**
   * Yield the text of each JSONL line or JSON-array element unparsed (`RawText`), for `parseRecordText` elsewhere
   * (a worker thread); records of other containers are parsed as usual.
   */
  deferParse?: boolean;
}

type ByteSource = string | Readable | AsyncIterable<Uint8Array>;

/**
 * Streams the records of a file path, `-` (stdin), a Readable or any stream of bytes: JSONL (one JSON value per line,
 * blank lines skipped) or one JSON array (when the first non-blank character is `[`), gunzipped transparently when
 * the data starts with the gzip magic bytes. Yields `{ source, line, value }` per record, or `{ source, line, error }`
 * for a record that is not valid JSON or is longer than `maxRecordBytes`; an unreadable or corrupt input yields a
 * final error (field `file`) and stops. A limit of the input (`IngestLimitError`) is thrown, not yielded.
 */
export function readRecords(
  input: ByteSource,
  options: ReadOptions & { deferParse: true },
): AsyncGenerator<RawInput>;
export function readRecords(input: ByteSource, options?: ReadOptions): AsyncGenerator<RawRecordOrError>;
export async function* readRecords(input: ByteSource, options: ReadOptions = {}): AsyncGenerator<RawInput> {
  const source =
    options.source ?? (typeof input === 'string' ? (input === '-' ? STDIN_SOURCE : input) : '<stream>');
  const opened = typeof input === 'string' && input !== '-' ? createReadStream(input) : null;
  const stream: AsyncIterable<Uint8Array | string> =
    opened ?? (input === '-' ? process.stdin : (input as Readable));
  const invalidUtf8Lines = new Set<number>();
  try {
    yield* readRecordsFromText(
      decodeUtf8Lines(gunzipIfNeeded(counted(stream, options.onBytes), options.inflate), invalidUtf8Lines),
      source,
      invalidUtf8Lines,
      options.maxRecordBytes,
      options.deferParse,
    );
  } finally {
    opened?.destroy();
  }
}

/**
 * Records of text chunks (JSONL or one JSON array). Errors thrown by `chunks` become a final `file` error, but for an
 * `IngestLimitError` or an abort, which are thrown on. A record on a line listed in `invalidUtf8Lines` (filled in while
 * `chunks` is read) is rejected as not UTF-8; a record longer than `maxRecordBytes` characters is rejected unread.
 * Time and memory are linear in the input whatever its whitespace: blank chunks before the first record are counted
 * and dropped, never kept.
 */
export function readRecordsFromText(
  chunks: AsyncIterable<string> | Iterable<string>,
  source: string,
  invalidUtf8Lines?: ReadonlySet<number>,
  maxRecordBytes?: number,
  deferParse?: false,
): AsyncGenerator<RawRecordOrError>;
export function readRecordsFromText(
  chunks: AsyncIterable<string> | Iterable<string>,
  source: string,
  invalidUtf8Lines?: ReadonlySet<number>,
  maxRecordBytes?: number,
  deferParse?: boolean,
): AsyncGenerator<RawInput>;
export async function* readRecordsFromText(
  chunks: AsyncIterable<string> | Iterable<string>,
  source: string,
  invalidUtf8Lines: ReadonlySet<number> = new Set(),
  maxRecordBytes: number = DEFAULT_INGEST_LIMITS.maxRecordBytes,
  deferParse = false,
): AsyncGenerator<RawInput> {
  let reader: TextRecordReader | null = null;
  let blankLines = 0;
  const iterator = toAsyncIterator(chunks);
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = next.value;
      if (reader) {
        yield* reader.push(chunk);
        continue;
      }
      const first = chunk.search(/\S/);
      if (first === -1) {
        blankLines += newlinesIn(chunk);
        continue;
      }
      const options = { source, invalidUtf8Lines, maxRecordBytes, firstLine: blankLines + 1, deferParse };
      if (chunk[first] === '{') {
        const head = await firstLineChunks(chunk, iterator, maxRecordBytes);
        if (isWholeObject(head.join(''))) {
          yield* readJsonObject(replay(head, iterator), source, maxRecordBytes);
          return;
        }
        reader = new LinesReader(options);
        for (const part of head) yield* reader.push(part);
        continue;
      }
      reader = chunk[first] === '[' ? new ArrayReader(options) : new LinesReader(options);
      yield* reader.push(chunk);
    }
    if (reader) yield* reader.end();
  } catch (error) {
    if (error instanceof IngestLimitError || isAbort(error)) throw error;
    yield {
      source,
      line: reader?.currentLine() ?? blankLines + 1,
      field: 'file',
      error: readErrorMessage(error),
    };
  }
}

function toAsyncIterator(chunks: AsyncIterable<string> | Iterable<string>): AsyncIterator<string> {
  return Symbol.asyncIterator in chunks
    ? chunks[Symbol.asyncIterator]()
    : (async function* () {
        yield* chunks;
      })();
}

/** `chunk` and the chunks after it up to the end of the second line from the first text (at most `limit` characters). */
async function firstLineChunks(
  chunk: string,
  iterator: AsyncIterator<string>,
  limit: number,
): Promise<string[]> {
  const head = [chunk];
  let length = chunk.length;
  const start = chunk.search(/\S/);
  // Up to the second newline: the second line tells a pretty-printed object from JSONL (isWholeObject).
  const newlines = (text: string, from = 0) => {
    const first = text.indexOf('\n', from);
    return first === -1 ? 0 : text.indexOf('\n', first + 1) === -1 ? 1 : 2;
  };
  let seen = newlines(chunk, start);
  while (seen < 2 && length <= limit) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    length += next.value.length;
    seen = Math.min(2, seen + newlines(next.value));
  }
  return head;
}

/**
 * Whether text that starts with `{` is one whole-file JSON object (a pretty-printed log) rather than JSONL: its first
 * line is a lone `{` (as every JSON pretty-printer writes it) not followed by a line that opens a record, or opens an object without closing it
 * (`{"version": 2,`) and is followed by an indented line. A JSONL file whose first record is cut short or broken is
 * still read as JSONL, so its other lines load.
 */
function isWholeObject(text: string): boolean {
  const lines = text.trimStart().split('\n', 3);
  if (lines.length < 2) return false;
  const first = lines[0].trim();
  // A pretty-printed object's second line is a key or its closing brace; a JSONL file whose first record is cut down
  // to `{` has a record there.
  if (first === '{') return !/^\s*[{[]/.test(lines[1]);
  return /[,[{]$/.test(first) && /^[ \t]+["}\]]/.test(lines[1]);
}

async function* replay(head: string[], iterator: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}

function newlinesIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

interface ReaderOptions {
  source: string;
  invalidUtf8Lines: ReadonlySet<number>;
  maxRecordBytes: number;
  firstLine: number;
  deferParse: boolean;
}

const JSONL: ContainerInfo = { kind: 'jsonl' };
const JSON_ARRAY: ContainerInfo = { kind: 'json-array' };

function oversizedRecord(source: string, line: number, maxRecordBytes: number): RawRecordOrError {
  const setting = limitSetting('maxRecordBytes');
  return {
    source,
    line,
    field: 'record',
    error: `longer than ${formatLimit(maxRecordBytes, setting.unit)} (${setting.variable}); not read`,
  };
}

interface TextRecordReader {
  push(chunk: string): RawInput[];
  end(): RawInput[];
  currentLine(): number;
}

class LinesReader implements TextRecordReader {
  /** The unfinished last line, in pieces (a single record can span many chunks). */
  private parts: string[] = [];
  /** Characters of the unfinished line; past maxRecordBytes its pieces are dropped. */
  private length = 0;
  private line: number;

  constructor(private readonly options: ReaderOptions) {
    this.line = options.firstLine - 1;
  }

  push(chunk: string): RawInput[] {
    const out: RawInput[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.keep(chunk, start, nl);
      this.endLine(out);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
    return out;
  }

  end(): RawInput[] {
    const out: RawInput[] = [];
    if (this.length > 0) this.endLine(out);
    return out;
  }

  currentLine(): number {
    return this.line + 1;
  }

  private keep(chunk: string, start: number, end: number): void {
    if (end === start) return;
    this.length += end - start;
    if (this.length <= this.options.maxRecordBytes) this.parts.push(chunk.slice(start, end));
    else this.parts = [];
  }

  private endLine(out: RawInput[]): void {
    this.line++;
    const { source, maxRecordBytes, invalidUtf8Lines, deferParse } = this.options;
    const length = this.length;
    const rawLine = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.length = 0;
    if (length > maxRecordBytes) {
      out.push(oversizedRecord(source, this.line, maxRecordBytes));
      return;
    }
    const text = rawLine.trim();
    if (text === '') return;
    const column = rawLine.length - rawLine.trimStart().length + 1;
    const raw = {
      source,
      line: this.line,
      text,
      column,
      invalidUtf8: invalidUtf8Lines.has(this.line),
      container: JSONL,
    };
    out.push(deferParse ? raw : parseRecordText(raw));
  }
}

class ArrayReader implements TextRecordReader {
  private readonly splitter: JsonArraySplitter;
  private lastLine: number;

  constructor(private readonly options: ReaderOptions) {
    this.splitter = new JsonArraySplitter(options.maxRecordBytes, options.firstLine);
    this.lastLine = options.firstLine;
  }

  push(chunk: string): RawInput[] {
    return this.convert(this.splitter.push(chunk));
  }

  end(): RawInput[] {
    return this.convert(this.splitter.end());
  }

  currentLine(): number {
    return this.lastLine;
  }

  private convert(pieces: ReturnType<JsonArraySplitter['push']>): RawInput[] {
    const { source, maxRecordBytes, invalidUtf8Lines, deferParse } = this.options;
    return pieces.map((piece) => {
      this.lastLine = piece.line;
      if ('error' in piece) return { source, line: piece.line, field: 'json', error: piece.error };
      if (piece.text === null) return oversizedRecord(source, piece.line, maxRecordBytes);
      let invalid = false;
      for (let line = piece.line; line <= piece.endLine && !invalid; line++)
        invalid = invalidUtf8Lines.has(line);
      const raw = {
        source,
        line: piece.line,
        text: piece.text,
        column: 0,
        invalidUtf8: invalid,
        container: JSON_ARRAY,
      };
      return deferParse ? raw : parseRecordText(raw);
    });
  }
}

/**
 * One record's JSON text → its value, or an error naming where it goes wrong: not UTF-8, nested deeper than
 * `MAX_JSON_DEPTH` (checked before parsing, so no parse or walk can overflow the stack), invalid JSON (with line and
 * column; `column` is where the text starts on its first line, 0 when unknown), or a string with an unpaired surrogate.
 */
export function parseRecordText(raw: RawText): RawRecordOrError {
  const { text, source, line, column, invalidUtf8, container } = raw;
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
  return { source, line, value, container };
}

async function* counted(
  stream: AsyncIterable<Uint8Array | string>,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of stream) {
    onBytes?.(chunk.length);
    yield chunk;
  }
}

/**
 * Passes bytes through, gunzipping them when they start with the gzip magic bytes 1f 8b. With `limits`, stops with an
 * `IngestLimitError` as soon as the inflated bytes pass `maxInflatedBytes`, or (past the first MiB) `maxInflateRatio`
 * times the compressed bytes fed in so far: a small body that would inflate to gigabytes is refused early.
 */
async function* gunzipIfNeeded(
  stream: AsyncIterable<Uint8Array | string>,
  limits: InflateLimits | undefined,
): AsyncGenerator<Uint8Array> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < 2) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    headLength += chunk.length;
  }
  let compressed = 0;
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      for (const chunk of head) {
        compressed += chunk.length;
        yield chunk;
      }
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        compressed += chunk.length;
        yield chunk;
      }
    } finally {
      await iterator.return?.();
    }
  }
  const magic = Buffer.concat(head).subarray(0, 2);
  const gzipped = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  if (!gzipped) {
    yield* all();
    return;
  }
  // Large output chunks: a request that inflates far is checked against its limits in few event-loop turns.
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  const raw = Readable.from(all());
  raw.on('error', (error) => gunzip.destroy(error));
  raw.pipe(gunzip);
  let inflated = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (limits) {
        if (inflated > limits.maxInflatedBytes)
          throw overLimit('maxInflatedBytes', limits.maxInflatedBytes, 'the inflated body');
        if (inflated > RATIO_CHECK_AFTER_BYTES && inflated > limits.maxInflateRatio * compressed)
          throw overLimit('maxInflateRatio', limits.maxInflateRatio, "the gzip body's inflate ratio");
      }
      yield chunk;
    }
  } finally {
    raw.destroy();
    gunzip.destroy();
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
