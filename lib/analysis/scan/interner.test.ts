import { describe, expect, it } from 'vitest';
import { Utf8Interner } from './interner';

const encoder = new TextEncoder();

/** Concatenated UTF-8 bytes and their offsets, as an Arrow string column stores them. */
function column(values: string[]): { bytes: Uint8Array; offsets: number[] } {
  const parts = values.map((v) => encoder.encode(v));
  const offsets = [0];
  for (const part of parts) offsets.push(offsets.at(-1)! + part.length);
  const bytes = new Uint8Array(offsets.at(-1)!);
  parts.forEach((part, i) => bytes.set(part, offsets[i]));
  return { bytes, offsets };
}

function intern(values: string[]): { codes: number[]; values: string[] } {
  const interner = new Utf8Interner();
  const { bytes, offsets } = column(values);
  const codes = values.map((_, i) => interner.code(bytes, offsets[i], offsets[i + 1]));
  return { codes, values: interner.values };
}

describe('Utf8Interner', () => {
  it('gives equal strings one code, in first-seen order, for a few values', () => {
    expect(intern(['b', 'a', 'b', 'b', 'c', 'a'])).toEqual({
      codes: [0, 1, 0, 0, 2, 1],
      values: ['b', 'a', 'c'],
    });
  });

  it('keeps many distinct values apart (hashed path), including prefixes, empty and non-ASCII strings', () => {
    const distinct = Array.from({ length: 500 }, (_, i) => `q-${i}`);
    const input = [...distinct, '', 'q-1', 'q-10', 'ü', 'u', 'ü', ...distinct.slice().reverse()];
    const { codes, values } = intern(input);
    expect(values).toEqual([...distinct, '', 'ü', 'u']);
    // Decoding the codes gives back the input.
    expect(codes.map((code) => values[code])).toEqual(input);
  });
});
