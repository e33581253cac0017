import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_HEADER, documentedRows, parameterRows } from './doc-table';
import { PARAM_NAMES } from './table';

describe('the parameter table of docs/api.md', () => {
  it('is the one generated from the parameter table (regenerate: npm run docs)', () => {
    const documented = documentedRows(readFileSync('docs/api.md', 'utf8'));
    expect(documented, 'the parameter table of docs/api.md is out of date: run npm run docs').toEqual([
      DOC_HEADER,
      ...parameterRows(),
    ]);
  });

  it('documents every parameter once, with its bounds', () => {
    const rows = parameterRows();
    expect(rows.map((row) => row[0])).toEqual(PARAM_NAMES.map((name) => `\`${name}\``));
    const byName = new Map(rows.map((row) => [row[0], row]));
    expect(byName.get('`epoch_id`')?.[1]).toBe('integer 0 – 2147483647');
    expect(byName.get('`sort`')?.[1]).toBe(
      'one of `reward`, `-reward`, `step_count`, `-step_count`, `epoch_id`, `-epoch_id`',
    );
    expect(byName.get('`success_threshold`')?.[2]).toBe('`0`');
    expect(byName.get('`training_ids`')?.[3]).toBe('the endpoints listed below, and the dashboard');
  });
});
