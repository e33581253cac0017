import { describe, expect, it } from 'vitest';
import { JsonArraySplitter, type ArrayPiece } from './array-splitter';

function split(text: string, chunkSize = text.length, maxLength = Infinity): ArrayPiece[] {
  const splitter = new JsonArraySplitter(maxLength);
  const out: ArrayPiece[] = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...splitter.push(text.slice(i, i + chunkSize)));
  out.push(...splitter.end());
  return out;
}

const tricky = `[
  {"a": "x ] } [ { , \\" \\\\", "b": [1, {"c": "]"}]},
  "plain string, with comma",
  12.5e3 ,
  true,
  [ [], {} ],
  null
]
`;

describe('JsonArraySplitter', () => {
  it('splits elements (objects, strings with brackets and escapes, numbers, literals, arrays) with start lines', () => {
    const pieces = split(tricky);
    expect(pieces).toEqual([
      { line: 2, endLine: 2, text: '{"a": "x ] } [ { , \\" \\\\", "b": [1, {"c": "]"}]}' },
      { line: 3, endLine: 3, text: '"plain string, with comma"' },
      { line: 4, endLine: 4, text: '12.5e3' },
      { line: 5, endLine: 5, text: 'true' },
      { line: 6, endLine: 6, text: '[ [], {} ]' },
      { line: 7, endLine: 7, text: 'null' },
    ]);
    expect(pieces.map((p) => ('text' in p ? JSON.parse(p.text!) : p))).toEqual(JSON.parse(tricky));
  });

  it('gives the line an element ends on', () => {
    expect(split('[\n  {"a":\n\n 1},\n 2]')).toEqual([
      { line: 2, endLine: 4, text: '{"a":\n\n 1}' },
      { line: 5, endLine: 5, text: '2' },
    ]);
  });

  it('gives the same result for every chunk size', () => {
    const whole = split(tricky);
    for (let size = 1; size <= tricky.length; size++) expect(split(tricky, size)).toEqual(whole);
  });

  it('handles empty arrays and a number right before ]', () => {
    expect(split('[]')).toEqual([]);
    expect(split('  [ ]  ')).toEqual([]);
    expect(split('[1,2]')).toEqual([
      { line: 1, endLine: 1, text: '1' },
      { line: 1, endLine: 1, text: '2' },
    ]);
  });

  it('reports structural errors as fatal, with the line', () => {
    expect(split('[{"a":1}\n{"b":2}]')).toEqual([
      { line: 1, endLine: 1, text: '{"a":1}' },
      { line: 2, error: "expected ',' or ']' after an array element, got '{'", fatal: true },
    ]);
    expect(split('[{"a":1},\n{"b":')).toEqual([
      { line: 1, endLine: 1, text: '{"a":1}' },
      { line: 2, error: 'unexpected end of input: the JSON array is not closed', fatal: true },
    ]);
    expect(split('[1]\nx')).toEqual([
      { line: 1, endLine: 1, text: '1' },
      { line: 2, error: 'unexpected data after the closing ]', fatal: true },
    ]);
    expect(split('[1,,2]')).toEqual([
      { line: 1, endLine: 1, text: '1' },
      { line: 1, error: "unexpected ','", fatal: true },
    ]);
  });

  it('delimits an element longer than maxLength without keeping its text, in any chunking', () => {
    const long = JSON.stringify({ text: 'x'.repeat(5000), list: [1, 2, { a: ']' }] });
    const text = `[\n{"a":1},\n${long},\n{"b":2}\n]`;
    for (const chunk of [1, 7, 100, 4096, text.length]) {
      expect(split(text, chunk, 1000)).toEqual([
        { line: 2, endLine: 2, text: '{"a":1}' },
        { line: 3, endLine: 3, text: null },
        { line: 4, endLine: 4, text: '{"b":2}' },
      ]);
    }
    expect(split(`[${long}]`, 64, long.length)).toEqual([{ line: 1, endLine: 1, text: long }]);
  });
});
