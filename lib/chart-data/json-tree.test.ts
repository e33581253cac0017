import { describe, expect, it } from 'vitest';
import { boundText } from './bounded-text';
import { argumentsTree, jsonTree, JSON_COLLAPSED_SEND_LIMIT, JSON_MEMBER_LIMIT } from './json-tree';

describe('jsonTree', () => {
  it('keeps literals, strings, arrays and objects as they are when small', () => {
    expect(jsonTree({ a: [1, true, null, 'x'] })).toEqual({
      kind: 'object',
      hidden: 0,
      members: [
        {
          key: 'a',
          node: {
            kind: 'array',
            hidden: 0,
            members: [
              { key: null, node: { kind: 'literal', text: '1' } },
              { key: null, node: { kind: 'literal', text: 'true' } },
              { key: null, node: { kind: 'literal', text: 'null' } },
              { key: null, node: { kind: 'string', value: { text: 'x', length: 1 } } },
            ],
          },
        },
      ],
    });
  });

  it('collapses containers below the open depth into compact JSON', () => {
    const tree = jsonTree({ a: { b: { c: 1 } } }, 2);
    expect(tree).toEqual({
      kind: 'object',
      hidden: 0,
      members: [
        {
          key: 'a',
          node: {
            kind: 'object',
            hidden: 0,
            members: [{ key: 'b', node: { kind: 'collapsed', summary: '{… 1 key}', json: '{"c":1}' } }],
          },
        },
      ],
    });
    expect(jsonTree([[1, 2]], 1)).toMatchObject({
      members: [{ node: { summary: '[… 2 items]', json: '[1,2]' } }],
    });
  });

  it('grows linearly with depth: a 4,000-level value costs its compact JSON once', () => {
    const depth = 4000;
    const text = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const size = JSON.stringify(jsonTree(JSON.parse(text))).length;
    // The collapsed rest (3,992 levels) is sent as a JSON string: each level's `{"a":` becomes `{\"a\":` (8 chars).
    expect(size).toBeGreaterThan(3992 * 8);
    expect(size).toBeLessThan(3992 * 8 + 1_000);
  });

  it('does not send a collapsed part larger than the limit', () => {
    const big = { a: { b: { c: 'y'.repeat(JSON_COLLAPSED_SEND_LIMIT) } } };
    expect(jsonTree(big, 1)).toMatchObject({ members: [{ node: { kind: 'collapsed', json: null } }] });
  });

  it('draws at most JSON_MEMBER_LIMIT members and counts the rest', () => {
    const tree = jsonTree(Array.from({ length: JSON_MEMBER_LIMIT + 7 }, (_, i) => i));
    expect(tree).toMatchObject({ kind: 'array', hidden: 7 });
    expect(tree.kind === 'array' && tree.members).toHaveLength(JSON_MEMBER_LIMIT);
  });

  it('cuts long strings to what is sent', () => {
    expect(jsonTree('z'.repeat(30_000))).toEqual({
      kind: 'string',
      value: { text: 'z'.repeat(20_000), length: 30_000 },
    });
  });
});

describe('argumentsTree', () => {
  it('unpacks a string holding a JSON object or array, keeps other strings and values', () => {
    expect(argumentsTree('{"q":"x"}')).toEqual(jsonTree({ q: 'x' }));
    expect(argumentsTree('[1]')).toEqual(jsonTree([1]));
    expect(argumentsTree('42')).toEqual({ kind: 'string', value: { text: '42', length: 2 } });
    expect(argumentsTree('plain')).toEqual({ kind: 'string', value: { text: 'plain', length: 5 } });
    expect(argumentsTree(3)).toEqual({ kind: 'literal', text: '3' });
    expect(argumentsTree(null)).toBeNull();
    expect(argumentsTree(undefined)).toBeNull();
    expect(argumentsTree('')).toBeNull();
  });
});

describe('boundText', () => {
  it('keeps short texts and cuts long ones, never inside a surrogate pair', () => {
    expect(boundText('abc', 5)).toEqual({ text: 'abc', length: 3 });
    expect(boundText('abcdef', 4)).toEqual({ text: 'abcd', length: 6 });
    // 'a😀b': the emoji is two UTF-16 units at indexes 1–2; a limit of 2 would split it.
    expect(boundText('a😀b', 2)).toEqual({ text: 'a', length: 4 });
  });
});
