import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { format, resolveConfig } from 'prettier';
import { STATS } from '../analysis/stats';
import { withGeneratedApiSections } from './api-doc';
import { describeSchema } from './describe-schema';

const DOC = path.resolve(import.meta.dirname, '../../docs/api.md');

describe('describeSchema', () => {
  it('writes objects, lists, records, tuples, nulls, unions and enums as types', () => {
    const schema = z.object({
      n: z.number().int(),
      x: z.number().nullable(),
      list: z.array(z.object({ s: z.string() })),
      map: z.record(z.string(), z.boolean()),
      pair: z.tuple([z.number(), z.number()]),
      either: z.union([z.string(), z.number()]),
      sort: z.enum(['a', '-a']),
      maybe: z.string().optional(),
    });
    expect(describeSchema(schema)).toBe(
      [
        '{',
        '  n: integer,',
        '  x: number | null,',
        '  list: [{',
        '    s: string',
        '  }],',
        '  map: { [string]: boolean },',
        '  pair: [number, number],',
        '  either: string | number,',
        '  sort: "a" | "-a",',
        '  maybe: string (optional)',
        '}',
      ].join('\n'),
    );
  });
});

describe('docs/api.md', () => {
  it('lists every registered stat and documents every response exactly as the schemas say', async () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const generated = await format(withGeneratedApiSections(doc), {
      ...(await resolveConfig(DOC)),
      filepath: DOC,
    });
    expect(doc, 'docs/api.md is out of date: run npm run docs').toBe(generated);
    for (const stat of STATS) expect(doc).toContain(`| \`/api/analysis-stats/${stat.spec.name}\``);
  });
});
