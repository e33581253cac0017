import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responsesMarkdown, RESPONSES_END, RESPONSES_START } from './api-doc';
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
  it('documents every response exactly as the schemas say (UPDATE_API_DOC=1 rewrites it)', () => {
    const doc = fs.readFileSync(DOC, 'utf8');
    const start = doc.indexOf(RESPONSES_START);
    const end = doc.indexOf(RESPONSES_END);
    expect(start, 'docs/api.md lacks the generated responses section').toBeGreaterThanOrEqual(0);
    const current = doc.slice(start, end + RESPONSES_END.length);
    const generated = responsesMarkdown();
    if (process.env.UPDATE_API_DOC === '1' && current !== generated)
      fs.writeFileSync(DOC, doc.replace(current, generated));
    else expect(current).toBe(generated);
  });
});
