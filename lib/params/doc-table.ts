import { defaultOf, type ParamSpec, type Role } from './spec';
import { PARAM_NAMES, PARAMS } from './table';

/** Where a parameter is accepted, by role. */
const ACCEPTED_BY: Record<Role, string> = {
  filter: 'every analysis endpoint (filter)',
  metric: 'every analysis endpoint (metric option)',
  endpoint: 'the endpoints listed below',
  view: 'the dashboard page only',
  trajectory: 'the trajectory page only',
};

/** 1e12 rather than 1000000000000. */
function number(value: number): string {
  return Math.abs(value) >= 1e6 ? value.toExponential().replace('e+', 'e') : String(value);
}

function bounds(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'list':
      return `list: up to ${spec.maxItems} items of ≤ ${spec.maxLength} characters`;
    case 'int':
      return `integer ${spec.min} – ${spec.max}`;
    case 'float': {
      const range = `number ${number(spec.min)} – ${number(spec.max)}`;
      return spec.unbounded === undefined ? range : `${range}, or \`${spec.unbounded}\``;
    }
    case 'enum':
      return `one of ${spec.values.map((value) => `\`${value}\``).join(', ')}`;
    case 'text':
      return `text of ≤ ${spec.maxLength} characters`;
  }
}

export const DOC_HEADER = ['parameter', 'values', 'default', 'accepted by', 'meaning'];

/** The rows of the parameter table of docs/api.md, cell by cell. */
export function parameterRows(): string[][] {
  return PARAM_NAMES.map((name) => {
    const spec: ParamSpec = PARAMS[name];
    const fallback = defaultOf(spec);
    const where =
      spec.role === 'endpoint' && spec.onPage
        ? `${ACCEPTED_BY.endpoint}, and the dashboard`
        : ACCEPTED_BY[spec.role];
    return [`\`${name}\``, bounds(spec), fallback === undefined ? '—' : `\`${fallback}\``, where, spec.doc];
  });
}

/** The parameter table as Markdown (unpadded; the formatter aligns it). */
function parameterTable(): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(DOC_HEADER), line(DOC_HEADER.map(() => '---')), ...parameterRows().map(line)].join('\n');
}

const TABLE_START =
  '<!-- parameter table: generated from lib/params/table.ts by `npm run docs`, do not edit -->';
const TABLE_END = '<!-- end of parameter table -->';

/** The cells of the Markdown table between the markers of a document (undefined without markers). */
export function documentedRows(markdown: string): string[][] | undefined {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return markdown
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((row) => row.trim().startsWith('|'))
    .map((row) =>
      row
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^-+$/.test(cell)));
}

/** The document with the table between the markers replaced by the generated one. */
export function withParameterTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/api.md has no parameter table markers');
  return `${markdown.slice(0, start + TABLE_START.length)}\n\n${parameterTable()}\n\n${markdown.slice(end)}`;
}
