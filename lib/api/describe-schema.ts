import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  out?: z.ZodType;
  checks?: { _zod: { def: { format?: string } } }[];
}

const definition = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const pad = (depth: number) => '  '.repeat(depth);

/**
 * A response schema as a TypeScript-like type for the API docs: `{ total: integer, data: [{ … }] }`, `T | null`,
 * `{ [key]: T }` for records. Generated from the same zod schemas the tests validate answers with.
 */
export function describeSchema(schema: z.ZodType, depth = 0): string {
  const def = definition(schema);
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(
        ([key, value]) => `${pad(depth + 1)}${key}: ${describeSchema(value, depth + 1)}`,
      );
      return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')}\n${pad(depth)}}`;
    }
    case 'array':
      return `[${describeSchema(def.element!, depth)}]`;
    case 'tuple':
      return `[${def.items!.map((item) => describeSchema(item, depth)).join(', ')}]`;
    case 'record':
      return `{ [${describeSchema(def.keyType!, depth)}]: ${describeSchema(def.valueType!, depth)} }`;
    case 'nullable':
      return `${describeSchema(def.innerType!, depth)} | null`;
    case 'optional':
      return `${describeSchema(def.innerType!, depth)} (optional)`;
    case 'union':
      return def.options!.map((option) => describeSchema(option, depth)).join(' | ');
    case 'enum':
      return Object.values(def.entries ?? {})
        .map((value) => JSON.stringify(value))
        .join(' | ');
    case 'pipe':
      return describeSchema(def.out!, depth);
    case 'number':
      return def.checks?.some((check) => check._zod.def.format === 'safeint') ? 'integer' : 'number';
    default:
      return def.type;
  }
}
