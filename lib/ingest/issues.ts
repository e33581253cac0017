import type { z } from 'zod';
import type { FieldError } from './types';

/** `['steps', 2, 'action']` → `steps[2].action`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || 'record';
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const ARTICLES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
};

/** Turns zod issues into short `{ field, reason }` pairs ("is required", "expected a number, got the string "abc""). */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({ field: formatPath(issue.path, prefix), reason: issueReason(issue) }));
}

function issueReason(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    // JSON numbers beyond ±1.8e308 parse as ±Infinity.
    if (issue.expected === 'number' && typeof issue.input === 'number' && !Number.isFinite(issue.input))
      return `must be a finite number, got ${issue.input}`;
    const expected = ARTICLES[issue.expected] ?? issue.expected;
    return `expected ${expected}, got ${describeValue(issue.input)}`;
  }
  // Range errors say what was received: "must be ≥ 0, got -3".
  if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof issue.input === 'number') {
    return `${issue.message}, got ${issue.input}`;
  }
  return issue.message;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** `schema.safeParse` with issues turned into field errors (paths prefixed with `prefix`). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): Parsed<z.output<S>> {
  // reportInput: the reason says what was found ("got the string "abc"") and tells missing from wrong.
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues, prefix) };
}
