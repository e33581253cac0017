import { z } from 'zod';
import { unboundedValue, type ParamSpec, type ValueOf } from './spec';

/**
 * The one reading of a parameter's raw URL values, shared by the server validation (lib/analysis/query.ts) and the
 * nuqs parsers (lib/params/parsers.ts), so a URL means the same everywhere:
 * - a list parameter may be repeated: all its values are split on commas, items trimmed, empty ones dropped and
 *   duplicates removed (first occurrence wins); no item left means absent;
 * - a scalar parameter's empty value means absent, and two non-empty values are an error;
 * - the value is then checked against the spec's kind and bounds; a bound that takes the word `any` (`unbounded`)
 *   reads it as an infinite value: given, but narrowing nothing.
 */

/** A value that cannot be read; the message does not name the parameter (the caller does). */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}

/** The items of a list parameter from all its raw values. */
function listItems(values: readonly string[]): string[] {
  const items = values.flatMap((value) => value.split(',').map((item) => item.trim()));
  return [...new Set(items.filter((item) => item !== ''))];
}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

function textSchema(maxLength: number) {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters');
}

function numberSchema(min: number, max: number) {
  return z.number().min(min, `must be ≥ ${min}`).max(max, `must be ≤ ${max}`);
}

function buildSchema(spec: ParamSpec): z.ZodType {
  switch (spec.kind) {
    case 'list':
      return z.array(textSchema(spec.maxLength)).max(spec.maxItems, `at most ${spec.maxItems} values`);
    case 'int':
      return z
        .string()
        .regex(/^-?\d+$/, 'must be an integer')
        .transform(Number)
        .pipe(numberSchema(spec.min, spec.max).int());
    case 'float':
      return z
        .string()
        .regex(/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i, 'must be a number')
        .transform(Number)
        .pipe(numberSchema(spec.min, spec.max));
    case 'enum':
      return z.enum(spec.values as [string, ...string[]], {
        error: `must be one of ${spec.values.join(', ')}`,
      });
    case 'text':
      return textSchema(spec.maxLength);
  }
}

const schemas = new WeakMap<ParamSpec, z.ZodType>();

/** The zod schema of a parameter's normalised raw value (a string, or the items of a list). */
function paramSchema(spec: ParamSpec): z.ZodType {
  let schema = schemas.get(spec);
  if (!schema) {
    schema = buildSchema(spec);
    schemas.set(spec, schema);
  }
  return schema;
}

/** The normalised raw value: the list items, the one non-empty scalar value, or undefined when absent. */
function rawValue(spec: ParamSpec, values: readonly string[]): string | string[] | undefined {
  if (spec.kind === 'list') {
    const items = listItems(values);
    return items.length > 0 ? items : undefined;
  }
  const given = values.filter((value) => value !== '');
  if (given.length > 1) throw new ParamError('given more than once');
  return given[0];
}

/** The value of a parameter from all its raw URL values (undefined when absent); throws ParamError when bad. */
export function readParam<S extends ParamSpec>(spec: S, values: readonly string[]): ValueOf<S> | undefined {
  const raw = rawValue(spec, values);
  if (raw === undefined) return undefined;
  if (spec.kind === 'float' && spec.unbounded !== undefined && raw === spec.unbounded)
    return unboundedValue(spec) as ValueOf<S>;
  const result = paramSchema(spec).safeParse(raw);
  if (!result.success) throw new ParamError(result.error.issues[0].message);
  return result.data as ValueOf<S>;
}

/** How a value is written back to the URL (lists as one comma-separated value, a lifted bound as its word). */
export function writeParam(spec: ParamSpec, value: unknown): string {
  if (spec.kind === 'list') return (value as string[]).join(',');
  if (spec.kind === 'float' && spec.unbounded !== undefined && value === unboundedValue(spec))
    return spec.unbounded;
  return String(value);
}
