import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { IngestLimitError } from './limits';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords, readRecordsFromText } from './read';
import { fixturePath } from './test-db';
import type { RawRecordOrError } from './types';
import { tempDir } from '../test-support/fixture';

/** The records, without what they were read as (checked on its own below). */
async function collect(iterable: AsyncIterable<RawRecordOrError>): Promise<RawRecordOrError[]> {
  const out: RawRecordOrError[] = [];
  for await (const item of iterable) {
    if ('container' in item) delete item.container;
    out.push(item);
  }
  return out;
}

async function kinds(text: string): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  for await (const item of readRecordsFromText([text], 's'))
    out.push('value' in item ? item.container?.kind : 'error');
  return out;
}

/** A Readable that emits `bytes` in chunks of `size` (to cross every boundary). */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('readRecords', () => {
  it('reads JSONL with blank lines, CRLF and a BOM, reporting broken lines', async () => {
    const text = '\uFEFF{"a":1}\r\n\r\n  \n{"b":2}\nnot json\n{"c":3}';
    const records = await collect(readRecords(Readable.from([Buffer.from(text)]), { source: 'mem' }));
    expect(records).toEqual([
      { source: 'mem', line: 1, value: { a: 1 } },
      { source: 'mem', line: 4, value: { b: 2 } },
      { source: 'mem', line: 5, error: "invalid JSON at line 5, column 2: Unexpected token 'o'" },
      { source: 'mem', line: 6, value: { c: 3 } },
    ]);
  });

  it('reads the bad-lines fixture with the right line numbers', async () => {
    const file = fixturePath('bad-lines.jsonl');
    const records = await collect(readRecords(file));
    expect(records.map((r) => [r.line, 'error' in r])).toEqual([
      [1, false],
      [2, true],
      [3, false],
      [4, false],
      [5, false],
      [7, false],
    ]);
    expect(records[0].source).toBe(file);
  });

  it('reads a JSON array file, with the line each element starts on', async () => {
    const file = fixturePath('array.json');
    const records = await collect(readRecords(file));
    // Elements start where a line opens with two spaces and `{` (the fixture is prettier-formatted).
    const starts = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.startsWith('  {') ? [i + 1] : []));
    expect(starts).toHaveLength(3);
    expect(records.map((r) => r.line)).toEqual(starts);
    expect(records.map((r) => ('value' in r ? (r.value as { data_id: string }).data_id : r))).toEqual([
      'a1',
      'a2',
      'a1',
    ]);
  });

  it('gives the same records whatever the chunking, for JSONL and arrays, plain and gzipped', async () => {
    for (const name of ['array.json', 'steps.jsonl', 'messages-openai.jsonl']) {
      const bytes = fs.readFileSync(fixturePath(name));
      const expected = await collect(readRecords(Readable.from([bytes]), { source: name }));
      for (const size of [1, 2, 3, 7, 64, 1000]) {
        expect(await collect(readRecords(chunked(bytes, size), { source: name }))).toEqual(expected);
        expect(await collect(readRecords(chunked(gzipSync(bytes), size), { source: name }))).toEqual(
          expected,
        );
      }
    }
  });

  it('multi-byte characters split across chunks survive', async () => {
    const bytes = Buffer.from('{"q":"Zürich → 東京 🚀"}\n');
    for (let size = 1; size < 8; size++) {
      expect(await collect(readRecords(chunked(bytes, size), { source: 's' }))).toEqual([
        { source: 's', line: 1, value: { q: 'Zürich → 東京 🚀' } },
      ]);
    }
  });

  it('gunzips files by their magic bytes, whatever their name', async () => {
    const plain = fs.readFileSync(fixturePath('steps.jsonl'));
    const gz = path.join(tmp.dir, 'steps.jsonl.gz');
    const disguised = path.join(tmp.dir, 'steps.data');
    fs.writeFileSync(gz, gzipSync(plain));
    fs.writeFileSync(disguised, gzipSync(plain));
    const expected = (await collect(readRecords(fixturePath('steps.jsonl')))).map((r) => ({
      ...r,
      source: 'x',
    }));
    expect(await collect(readRecords(gz, { source: 'x' }))).toEqual(expected);
    expect(await collect(readRecords(disguised, { source: 'x' }))).toEqual(expected);
  });

  it('reports corrupt gzip data and a missing file as a final `file` error', async () => {
    const truncated = gzipSync(fs.readFileSync(fixturePath('steps.jsonl'))).subarray(0, 40);
    const records = await collect(readRecords(Readable.from([truncated]), { source: 'trunc.gz' }));
    expect(records.at(-1)).toMatchObject({ source: 'trunc.gz', field: 'file' });
    const missing = path.join(tmp.dir, 'nope.jsonl');
    expect(await collect(readRecords(missing))).toEqual([
      { source: missing, line: 1, field: 'file', error: `cannot read ${missing}: no such file` },
    ]);
  });

  it('yields nothing for empty or blank input', async () => {
    expect(await collect(readRecords(Readable.from([]), { source: 'e' }))).toEqual([]);
    expect(await collect(readRecordsFromText(['  \n\n '], 'e'))).toEqual([]);
  });

  it('reports a broken array element and keeps the others', async () => {
    const records = await collect(readRecordsFromText(['[{"a":1},\n{"b":tru},\n{"c":3}]'], 'arr'));
    expect(records).toEqual([
      { source: 'arr', line: 1, value: { a: 1 } },
      { source: 'arr', line: 2, error: expect.stringMatching(/^invalid JSON/) },
      { source: 'arr', line: 3, value: { c: 3 } },
    ]);
  });

  it('rejects a record longer than maxRecordBytes with its line and reads the lines after it, in any chunking', async () => {
    const long = JSON.stringify({ x: 'y'.repeat(10_000) });
    const text = `{"a":1}\n${long}\n{"b":2}\n[${long}]\n`;
    for (const size of [3, 1000, 65_536]) {
      const records = await collect(
        readRecords(chunked(Buffer.from(text), size), { source: 'm', maxRecordBytes: 5000 }),
      );
      expect(records).toEqual([
        { source: 'm', line: 1, value: { a: 1 } },
        {
          source: 'm',
          line: 2,
          field: 'record',
          error: 'longer than 5,000 bytes (INGEST_MAX_RECORD_BYTES); not read',
        },
        { source: 'm', line: 3, value: { b: 2 } },
        {
          source: 'm',
          line: 4,
          field: 'record',
          error: 'longer than 5,000 bytes (INGEST_MAX_RECORD_BYTES); not read',
        },
      ]);
    }
    const array = `[\n{"a":1},\n${long},\n{"b":2}\n]`;
    const elements = await collect(readRecordsFromText([array], 'arr', new Set(), 5000));
    expect(elements.map((r) => [r.line, 'value' in r ? r.value : (r as { field: string }).field])).toEqual([
      [2, { a: 1 }],
      [3, 'record'],
      [4, { b: 2 }],
    ]);
  });

  it('counts the lines of blank chunks before the first record without keeping them', async () => {
    const blank = ' \n'.repeat(100_000);
    const chunks = [blank, blank, '  {"a":1}\n{"b":2}'];
    expect(await collect(readRecordsFromText(chunks, 's'))).toEqual([
      { source: 's', line: 200_001, value: { a: 1 } },
      { source: 's', line: 200_002, value: { b: 2 } },
    ]);
    expect(await collect(readRecordsFromText([blank, '[\n{"a":1}]'], 's'))).toEqual([
      { source: 's', line: 100_002, value: { a: 1 } },
    ]);
  });

  it('reads 64 MB of whitespace inside a gzip body, then its record', async () => {
    const body = gzipSync(Buffer.concat([Buffer.alloc(64 << 20, 0x20), Buffer.from('\n{"a":1}\n')]));
    const records = await collect(readRecords(chunked(body, 16_384), { source: 'ws.gz' }));
    expect(records).toEqual([{ source: 'ws.gz', line: 2, value: { a: 1 } }]);
  });

  it('stops a gzip body at its inflated-size and inflate-ratio limits with an IngestLimitError', async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20, 0x20));
    const stop = async (inflate: { maxInflatedBytes: number; maxInflateRatio: number }) => {
      try {
        await collect(readRecords(chunked(bomb, 16_384), { source: 'bomb.gz', inflate }));
      } catch (error) {
        return error as IngestLimitError;
      }
      throw new Error('no limit hit');
    };
    const bySize = await stop({ maxInflatedBytes: 8 << 20, maxInflateRatio: 1e9 });
    expect(bySize).toBeInstanceOf(IngestLimitError);
    expect(bySize).toMatchObject({ variable: 'INGEST_MAX_INFLATED_BYTES', status: 413 });
    expect(bySize.message).toBe('the inflated body is over the limit of 8 MiB (INGEST_MAX_INFLATED_BYTES)');
    const byRatio = await stop({ maxInflatedBytes: 1 << 30, maxInflateRatio: 100 });
    expect(byRatio).toMatchObject({ variable: 'INGEST_MAX_INFLATE_RATIO', status: 413 });
    // An ordinary gzip body within both limits reads in full.
    const plain = fs.readFileSync(fixturePath('steps.jsonl'));
    const records = await collect(
      readRecords(chunked(gzipSync(plain), 100), {
        source: 'ok',
        inflate: { maxInflatedBytes: 1 << 20, maxInflateRatio: 100 },
      }),
    );
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => 'value' in r)).toBe(true);
  });
});

describe('what a text was read as', () => {
  it('tells JSONL, a JSON array and a pretty-printed JSON object apart', async () => {
    expect(await kinds('{"a":1}\n{"a":2}\n')).toEqual(['jsonl', 'jsonl']);
    expect(await kinds('[{"a":1},\n{"a":2}]')).toEqual(['json-array', 'json-array']);
    expect(await kinds('{\n  "a": 1,\n  "b": {"c": [1, 2]}\n}\n')).toEqual(['json-object']);
    // A broken first JSONL line still ends like a record: the file stays JSONL and its other lines load.
    expect(await kinds('{"a": 1,, "b": 2}\n{"a":2}\n')).toEqual(['error', 'jsonl']);
    // A first record cut short after a comma is not a pretty-printed object: the next line is not indented.
    expect(await kinds('{"a": 1,\n{"a":2}\n')).toEqual(['error', 'jsonl']);
    // A pretty-printer that keeps the first key on the opening line.
    expect(await kinds('{"version": 2,\n  "samples": [{"id": 1}]\n}\n')).toEqual(['json-object']);
    // A first record cut down to `{` (found by the ingest fuzz test): the record on the next line keeps it JSONL.
    expect(await kinds('{\n{"a":2}\n')).toEqual(['error', 'jsonl']);
    // An object printed with indent 0 (Python's `json.dump(x, indent=0)`) is still one object.
    expect(await kinds('{\n"a": 1,\n"b": [1, 2]\n}\n')).toEqual(['json-object']);
  });

  it('streams the record list of a pretty-printed object, with the keys before it as the header', async () => {
    const text = JSON.stringify(
      { version: 2, eval: { task: 't', dataset: { name: 'd' } }, samples: [{ id: 1 }, { id: 2 }], after: 1 },
      null,
      2,
    );
    const records = [];
    for await (const item of readRecordsFromText(chunksOf(text, 7), 'log.json')) records.push(item);
    expect(records).toEqual([
      {
        source: 'log.json',
        line: 1,
        at: '#samples[0]',
        value: { id: 1 },
        container: {
          kind: 'json-object',
          header: { version: 2, eval: { task: 't', dataset: { name: 'd' } } },
        },
      },
      {
        source: 'log.json',
        line: 2,
        at: '#samples[1]',
        value: { id: 2 },
        container: {
          kind: 'json-object',
          header: { version: 2, eval: { task: 't', dataset: { name: 'd' } } },
        },
      },
    ]);
  });

  it('gives an object without a record list back whole, as one record', async () => {
    const value = {
      trajectory: [{ action: 'ls', observation: 'a\nb' }],
      info: { exit_status: 'submitted' },
      n: 3,
    };
    const records = [];
    for await (const item of readRecordsFromText(chunksOf(JSON.stringify(value, null, 2), 5), 'x.traj'))
      records.push(item);
    expect(records).toEqual([{ source: 'x.traj', line: 1, value, container: { kind: 'json-object' } }]);
  });

  it('reports broken JSON in a pretty-printed object once, not once per line', async () => {
    const records = [];
    for await (const item of readRecordsFromText(['{\n  "a": 1,\n  "b": [1, 2\n}\n'], 'bad.json'))
      records.push(item);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ source: 'bad.json', field: 'json' });
  });
});

function chunksOf(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
