import { boundText, type BoundedText } from './bounded-text';

/** Levels of a JSON value drawn at once; deeper ones wait behind a button. */
export const JSON_OPEN_DEPTH = 8;
/** Members of one object or array drawn; the rest are counted. */
export const JSON_MEMBER_LIMIT = 100;
/** A collapsed subtree is sent for expanding in the browser only up to this many characters of JSON. */
export const JSON_COLLAPSED_SEND_LIMIT = 50_000;

/** A JSON value prepared for drawing: bounded in depth, members and string length, whatever the input. */
export type JsonNode =
  | { kind: 'literal'; text: string }
  | { kind: 'string'; value: BoundedText }
  | { kind: 'array' | 'object'; members: JsonMember[]; hidden: number }
  | {
      kind: 'collapsed';
      /** `[…]` or `{…}` with the number of members. */
      summary: string;
      /** The subtree as compact JSON for expanding, or null when it is too large to send. */
      json: string | null;
    };

export interface JsonMember {
  /** Object key; null for array items. */
  key: string | null;
  node: JsonNode;
}

/**
 * Prepares `value` for drawing: `depth` levels open, deeper containers collapsed (kept as compact JSON when small
 * enough to expand in the browser), at most JSON_MEMBER_LIMIT members per container, strings cut to what is sent.
 * The result grows at most linearly with the input's JSON, however deep it is.
 */
export function jsonTree(value: unknown, depth = JSON_OPEN_DEPTH): JsonNode {
  if (typeof value === 'string') return { kind: 'string', value: boundText(value) };
  if (value === null || typeof value !== 'object') return { kind: 'literal', text: literalText(value) };
  const array = Array.isArray(value);
  const entries: [string | null, unknown][] = array
    ? value.map((item) => [null, item])
    : Object.entries(value as Record<string, unknown>);
  if (depth <= 0) return collapsed(value, array, entries.length);
  return {
    kind: array ? 'array' : 'object',
    members: entries
      .slice(0, JSON_MEMBER_LIMIT)
      .map(([key, item]) => ({ key, node: jsonTree(item, depth - 1) })),
    hidden: Math.max(0, entries.length - JSON_MEMBER_LIMIT),
  };
}

function literalText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  return 'null';
}

function collapsed(value: object, array: boolean, size: number): JsonNode {
  const json = JSON.stringify(value);
  return {
    kind: 'collapsed',
    summary: array ? `[… ${size} item${size === 1 ? '' : 's'}]` : `{… ${size} key${size === 1 ? '' : 's'}}`,
    json: json.length <= JSON_COLLAPSED_SEND_LIMIT ? json : null,
  };
}

/**
 * Tool arguments as a tree: objects and arrays as they are, a string holding a JSON object or array unpacked,
 * any other string or value as it is; null when there are none.
 */
export function argumentsTree(input: unknown): JsonNode | null {
  if (input === null || input === undefined || input === '') return null;
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      if (typeof parsed === 'object' && parsed !== null) return jsonTree(parsed);
    } catch {
      // Not JSON: shown as the text it is.
    }
  }
  return jsonTree(input);
}
