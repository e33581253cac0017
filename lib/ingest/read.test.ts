import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords, readRecordsFromText } from './read';
import { fixturePath } from './test-db';
import type { RawRecordOrError } from './types';
import { tempDir } from '../test-support/fixture';

async function collect(iterable: AsyncIterable<RawRecordOrError>): Promise<RawRecordOrError[]> {
  const out: RawRecordOrError[] = [];
  for await (const item of iterable) out.push(item);
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
});
