/**
 * The demo agent's tools: what a call looks like (input), what a working call returns and how a failing one reads.
 * Error observations start with `Error:` the way real tool wrappers report them.
 */
import type { Domain, DemoQuestion } from './demo-questions';
import { formatNumber } from './demo-questions';
import type { Rng } from './demo-random';

export const TOOL_NAMES = [
  'search',
  'web_fetch',
  'python',
  'calculator',
  'sql_query',
  'read_file',
  'run_tests',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Shared, deliberately hostile markup: a tool that returns raw HTML must be shown escaped, never rendered. */
export const ADVERSARIAL_HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const;

export interface ToolSpec {
  baseErrorRate: number;
  /** Exponent applied to the training's tool-skill multiplier: >1 means the tool is harder to learn (or to keep). */
  sensitivity: number;
  /** `lean` asks for a short input (first line of code, start of a query). */
  input(q: DemoQuestion, rng: Rng, lean: boolean): Record<string, unknown>;
  ok(q: DemoQuestion, rng: Rng, lean: boolean): string;
  error(q: DemoQuestion, rng: Rng): string;
}

/** How likely each tool is picked for a question of a domain (aligned with TOOL_NAMES). */
export const TOOL_PREFERENCES: Record<Domain, readonly number[]> = {
  //     search web_fetch python calc sql  read  tests
  math: [0.1, 0, 0.45, 0.45, 0, 0, 0],
  qa: [0.4, 0.3, 0.05, 0, 0, 0.25, 0],
  code: [0.1, 0, 0.3, 0, 0, 0.3, 0.3],
  sql: [0.05, 0, 0.15, 0, 0.65, 0.15, 0],
};

const HOSTS = ['en.wikipedia.org', 'stackoverflow.com', 'news.example.com', 'docs.example.org', 'medium.com'];
const LABELS = {
  region: ['EU', 'NA', 'APAC', 'LATAM'],
  month: ['01', '02', '03', '04', '05', '06'],
  channel: ['web', 'app', 'retail'],
  name: ['Alvarez Home', 'Brightway Ltd', 'Cedar & Co', 'Delta Outfitters', 'Evergreen Supply'],
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const firstNumber = (text: string) => /-?[\d,]+(?:\.\d+)?/.exec(text)?.[0] ?? text;
/** The first number of a text as a program would print it (no thousands separators). */
const plainNumber = (text: string) => firstNumber(text).replace(/,/g, '');
const timeout = 'Error: timeout after 30s';
const firstLine = (text: string) => text.split('\n', 1)[0] || 'print(1)';

function searchResults(q: DemoQuestion, rng: Rng, lean: boolean): string {
  const titles = [
    `${capitalise(q.subject)} — overview`,
    `Q&A: ${q.subject}`,
    `Understanding ${q.subject}`,
    `${capitalise(q.subject)}: worked example`,
  ];
  const count = lean ? 1 : rng.int(2, 4);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const hit = rng.chance(0.5) ? `The figure reported is ${q.answer}.` : `Covers ${q.subject} in detail.`;
    lines.push(`${i + 1}. ${titles[(i + rng.int(0, 3)) % titles.length]} (${rng.pick(HOSTS)})\n   ${hit}`);
  }
  return lines.join('\n');
}

function webPage(q: DemoQuestion, rng: Rng, lean: boolean): string {
  if (lean) return `Title: ${capitalise(q.subject)}`;
  if (rng.chance(0.04)) {
    // Some pages come back as raw HTML, scripts included.
    return (
      `<html><head><title>${q.subject}</title>${ADVERSARIAL_HTML[0]}</head><body>` +
      `<h1>${capitalise(q.subject)}</h1>${ADVERSARIAL_HTML[1]}<p>Reported value: ${q.answer}</p></body></html>`
    );
  }
  return (
    `Title: ${capitalise(q.subject)}\nURL: ${q.url || 'https://example.com/'}\n\n` +
    `${rng.pick(['Last updated 3 days ago.', 'Archived copy.', 'Cookie banner dismissed.'])} ` +
    `The page discusses ${q.subject}. ${rng.chance(0.6) ? `Key figure: ${q.answer}.` : 'No direct figure on this page; see the linked report.'}`
  );
}

function pythonOutput(q: DemoQuestion, rng: Rng, lean: boolean): string {
  if (q.domain === 'math') return rng.chance(0.75) ? plainNumber(q.answer) : rng.float(0, 50).toFixed(4);
  if (q.domain === 'code') {
    return lean
      ? 'OK'
      : rng.pick([`${q.subject}: ok`, q.code.split('\n')[0].slice(0, 60), 'None', "['ok', 'ok', 'ok']"]);
  }
  if (lean) return plainNumber(q.answer);
  return `   value\n0  ${plainNumber(q.answer)}\n1  ${rng.float(0, 1000).toFixed(2)}\n[2 rows x 1 columns]`;
}

function sqlTable(q: DemoQuestion, rng: Rng, lean: boolean): string {
  const key = q.sql.includes('region')
    ? 'region'
    : q.sql.includes('month')
      ? 'month'
      : q.sql.includes('channel')
        ? 'channel'
        : 'name';
  const labels = LABELS[key];
  const rows = lean ? 1 : rng.int(2, labels.length);
  const lines = [` ${key.padEnd(16)} | value`, `${'-'.repeat(18)}+----------`];
  for (let i = 0; i < rows; i++)
    lines.push(` ${labels[i].padEnd(16)} | ${formatNumber(rng.float(1, 90000))}`);
  lines.push(`(${rows} row${rows > 1 ? 's' : ''})`);
  return lines.join('\n');
}

function fileContent(q: DemoQuestion, rng: Rng, lean: boolean): string {
  const file = q.file || 'README.md';
  if (lean) return `${file}: ${q.subject}`;
  if (file.endsWith('.py')) {
    return `# ${file}\n${q.code
      .split('\n')
      .map((line, i) => `${String(i + 1).padStart(3)}  ${line}`)
      .join('\n')}`;
  }
  if (file.endsWith('.pdf')) {
    const page = rng.int(4, 60);
    return `[page ${page}] ... ${capitalise(q.subject)} ... ${rng.chance(0.7) ? q.answer : 'see note 12'} ... [page ${page + 1}] Forward-looking statements ...`;
  }
  if (file.endsWith('.csv'))
    return `date,value\n2024-01-31,${rng.float(10, 300).toFixed(2)}\n2024-02-29,${plainNumber(q.answer)}`;
  if (file.endsWith('.sql')) {
    return 'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, channel TEXT, total REAL, created_at TEXT);\nCREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, region TEXT);';
  }
  return `# ${capitalise(q.subject)}\n\n${rng.pick(['Effective', 'Updated', 'Approved'])} 2024. ${q.answer}.`;
}

function testRun(rng: Rng, lean: boolean): string {
  const passed = rng.int(6, 24);
  const failed = rng.chance(0.35) ? rng.int(1, 3) : 0;
  const summary = `${failed ? `${failed} failed, ` : ''}${passed} passed in ${rng.float(0.2, 4).toFixed(2)}s`;
  if (lean || !failed) return `===== ${summary} =====`;
  return `FAILED tests/test_main.py::test_edge_case - AssertionError: assert ${rng.int(0, 9)} == ${rng.int(10, 20)}\n===== ${summary} =====`;
}

export const TOOLS: Record<ToolName, ToolSpec> = {
  search: {
    baseErrorRate: 0.04,
    sensitivity: 0.6,
    input: (q, rng, lean) => ({
      query: lean || rng.chance(0.7) ? q.subject : q.text.slice(0, 80),
      top_k: rng.pick([3, 5, 10]),
    }),
    ok: searchResults,
    error: (_q, rng) =>
      rng.pick([
        timeout,
        'Error: 429 Too Many Requests (rate limited), retry after 2s',
        'Error: 503 Service Unavailable',
      ]),
  },
  web_fetch: {
    baseErrorRate: 0.12,
    sensitivity: 0.7,
    input: (q) => ({ url: q.url || 'https://example.com/' }),
    ok: webPage,
    error: (_q, rng) =>
      rng.pick([
        'Error: 404 Not Found',
        'Error: 403 Forbidden',
        timeout,
        'Error: 502 Bad Gateway',
        'Error: SSLError: certificate verify failed: unable to get local issuer certificate',
      ]),
  },
  python: {
    baseErrorRate: 0.14,
    sensitivity: 1.3,
    input: (q, _rng, lean) => ({ code: lean ? firstLine(q.code) : q.code || 'print("hello")' }),
    ok: pythonOutput,
    error: (_q, rng) =>
      rng.pick([
        `Error: SyntaxError: invalid syntax (<string>, line ${rng.int(1, 6)})`,
        "Error: NameError: name 'df' is not defined",
        'Error: ZeroDivisionError: division by zero',
        "Error: ModuleNotFoundError: No module named 'sympy'",
        "Error: TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        'Error: IndentationError: unexpected indent (<string>, line 2)',
        timeout,
      ]),
  },
  calculator: {
    baseErrorRate: 0.05,
    sensitivity: 0.8,
    input: (q) => ({ expression: q.expression || '0' }),
    ok: (q) => plainNumber(q.answer),
    error: (_q, rng) =>
      rng.pick([
        "Error: could not parse expression near ')'",
        'Error: division by zero',
        "Error: unknown function 'ceil'",
      ]),
  },
  sql_query: {
    baseErrorRate: 0.17,
    sensitivity: 1.2,
    input: (q, _rng, lean) => ({
      query: lean ? firstLine(q.sql).slice(0, 40) : q.sql || 'SELECT 1;',
      database: 'analytics',
    }),
    ok: sqlTable,
    error: (_q, rng) =>
      rng.pick([
        'Error: no such column: o.total_amount',
        'Error: near "GROUP": syntax error',
        'Error: ambiguous column name: id',
        'Error: no such table: order',
        'Error: misuse of aggregate function SUM()',
        timeout,
      ]),
  },
  read_file: {
    baseErrorRate: 0.08,
    sensitivity: 0.9,
    input: (q) => ({ path: q.file || 'README.md' }),
    ok: fileContent,
    error: (q, rng) =>
      rng.pick([
        `Error: FileNotFoundError: [Errno 2] No such file or directory: '${(q.file || 'README.md').replace(/s\//, '/')}'`,
        `Error: PermissionError: [Errno 13] Permission denied: '${q.file || 'README.md'}'`,
        "Error: UnicodeDecodeError: 'utf-8' codec can't decode byte 0x89 in position 0: invalid start byte",
      ]),
  },
  run_tests: {
    baseErrorRate: 0.06,
    sensitivity: 1.0,
    input: (q, rng) => ({
      path: 'tests/',
      args: rng.chance(0.5) ? ['-q'] : ['-q', '-k', q.subject.split(' ')[0]],
    }),
    ok: (_q, rng, lean) => testRun(rng, lean),
    error: (_q, rng) =>
      rng.pick([
        timeout,
        "Error: ImportError while importing test module 'tests/test_main.py'",
        'Error: collection failed: SyntaxError: unexpected EOF while parsing',
      ]),
  },
};

/** A 20–50 KB observation (a fetched page with a big table, hostile markup included) to exercise the viewer. */
export function longObservation(q: DemoQuestion, rng: Rng): string {
  const target = rng.int(20_000, 50_000);
  const parts = [
    `<html><head><title>${q.subject}</title>${ADVERSARIAL_HTML[0]}</head><body><h1>${capitalise(q.subject)}</h1>`,
    ADVERSARIAL_HTML[1],
    '<table><tr><th>row</th><th>date</th><th>value</th><th>note</th></tr>',
  ];
  let size = parts.reduce((n, p) => n + p.length, 0);
  for (let row = 1; size < target; row++) {
    const line = `<tr><td>${row}</td><td>2024-${String((row % 12) + 1).padStart(2, '0')}-${String((row % 28) + 1).padStart(2, '0')}</td><td>${formatNumber(rng.float(0, 100000))}</td><td>${rng.pick(['ok', 'revised', 'estimate', 'n/a'])}</td></tr>`;
    parts.push(line);
    size += line.length;
  }
  parts.push('</table></body></html>');
  return parts.join('\n');
}
