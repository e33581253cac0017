import { describe, expect, it } from 'vitest';
import { describeJsonError, jsonDepthExceeds, loneSurrogatePath, MAX_JSON_DEPTH } from './json-checks';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} parsed`);
}

describe('jsonDepthExceeds', () => {
  it('allows exactly MAX_JSON_DEPTH levels and refuses one more, without recursion at 100,000 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(jsonDepthExceeds(nested(64))).toBe(false);
    expect(jsonDepthExceeds(nested(65))).toBe(true);
    expect(jsonDepthExceeds(`{"a":${nested(100_000)}}`)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(`{"a": "${'['.repeat(200)}", "b": "\\"${'{'.repeat(200)}"}`)).toBe(false);
    expect(jsonDepthExceeds('[[["\\\\"]]]', 2)).toBe(true);
    expect(jsonDepthExceeds('[[["\\\\"]]]', 3)).toBe(false);
  });
});

describe('loneSurrogatePath', () => {
  it('names the first string (or key) with an unpaired surrogate', () => {
    const text = '{"a": "ok", "steps": [{"observation": "x\\ud800y"}]}';
    expect(loneSurrogatePath(JSON.parse(text), text)).toBe('steps[0].observation');
    const key = '{"b\\udc00": 1}';
    expect(loneSurrogatePath(JSON.parse(key), key)).toBe('b\udc00');
    const top = '"\\udfff"';
    expect(loneSurrogatePath(JSON.parse(top), top)).toBe('record');
  });

  it('accepts paired surrogates (an escaped emoji) and text without escapes', () => {
    const pair = '{"e": "\\ud83d\\ude00"}';
    expect(loneSurrogatePath(JSON.parse(pair), pair)).toBeNull();
    expect(loneSurrogatePath({ a: 'plain' }, '{"a": "plain"}')).toBeNull();
  });
});

describe('describeJsonError', () => {
  it('gives line and column instead of V8 positions and quoted snippets', () => {
    expect(describeJsonError(parseError('{"a":1,}'), '{"a":1,}', 3)).toBe(
      'at line 3, column 8: Expected double-quoted property name',
    );
    expect(describeJsonError(parseError('{"a":}'), '{"a":}', 9, 3)).toBe(
      "at line 9, column 8: Unexpected token '}'",
    );
    expect(describeJsonError(parseError('{"a":\n\n }'), '{"a":\n\n }', 1)).toBe(
      "at line 3, column 2: Unexpected token '}'",
    );
    expect(describeJsonError(parseError('{"a":1}}'), '{"a":1}}', 1)).toBe(
      'at line 1, column 8: Unexpected non-whitespace character after the end of the JSON value',
    );
  });

  it('calls a record that stops short truncated', () => {
    expect(describeJsonError(parseError('{"a": [1, 2'), '{"a": [1, 2', 4)).toMatch(/^at line 4, column 12: /);
    expect(describeJsonError('Unexpected end of JSON input', '', 4)).toBe(
      'at line 4, column 1: the record ends early (truncated?)',
    );
  });
});
