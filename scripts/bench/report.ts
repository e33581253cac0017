import fs from 'node:fs';
import { PLAN_MAX_ROWS, type FigureRow } from './compare';
import type { IngestFigures } from './dataset';
import type { EndpointTiming } from './endpoints';
import type { MachineFacts } from './machine';
import type { BenchShape } from './options';
import { formatMs } from './timing';

export interface BenchResults {
  rows: number;
  shape: BenchShape;
  repeats: number;
  machine: MachineFacts;
  ingest: IngestFigures & { cached: boolean };
  /** The first query after the table is opened (what the analysis keeps in memory is loaded then). */
  figures: FigureRow[];
  endpoints: EndpointTiming[];
  failurePages: { offset: number; ms: number; total: number; rows: number }[];
  append: {
    rows: number;
    appendMs: number;
    prepareMs: number;
    firstMs: number;
    nextMs: number;
    neverMs: number;
  } | null;
  /** After a start: the warm-up, then the dashboard's first view (asked by the warm-up), repeated, and a new one. */
  startup: { warmMs: number; firstMs: number; nextMs: number; neverMs: number };
  pages: {
    readyMs: number;
    firstMs: number;
    firstNewMs: number;
    tabs: { tab: string; coldMs: number; warmMs: number }[];
  } | null;
}

const ratio = (a: number, b: number) => (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toFixed(2));
const table = (header: string[], align: string[], body: string[][]) =>
  [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );

/** The run as a Markdown section (the same text is printed and, with --write, kept in docs/BENCHMARKS.md). */
export function renderResults(r: BenchResults): string {
  const m = r.machine;
  const s = r.shape;
  const lines = [
    `### ${r.rows.toLocaleString('en-US')} trajectories${s.lean ? ' (lean steps)' : ''}`,
    '',
    `${m.date}; ${s.runs} runs × ${s.epochs} epochs × ${s.questions.toLocaleString('en-US')} questions × ${s.samples} samples; ` +
      `${m.cores} cores (${m.cpu}), ${m.memoryGb.toFixed(1)} GB, Node ${m.node}; load average ${m.loadAtStart.toFixed(1)} at the start; ` +
      `medians of ${r.repeats} runs.`,
    '',
    `Ingest (public \`ingestFiles\`, child process${r.ingest.cached ? `, measured ${r.ingest.measuredAt} when the cached database was built` : ''}): ` +
      `${Math.round(r.ingest.rowsPerSecond).toLocaleString('en-US')} rows/s (${r.ingest.seconds.toFixed(1)} s) with ` +
      `${r.ingest.workers ?? 0} worker thread${r.ingest.workers === 1 ? '' : 's'} on ${r.ingest.cores ?? m.cores} cores, ` +
      `peak RSS ${r.ingest.peakRssMb.toFixed(0)} MB` +
      (r.ingest.duckdbSeconds
        ? `; DuckDB converts the same JSONL to Parquet in ${r.ingest.duckdbSeconds.toFixed(1)} s in the same run ` +
          `(the ingest takes ${(r.ingest.seconds / r.ingest.duckdbSeconds).toFixed(1)}× its time).`
        : '.'),
    '',
    `After a start: the warm-up (resident columns, what each version derives, the first views) ${formatMs(r.startup.warmMs)} ms ` +
      `(health answers "warming" meanwhile); then the dashboard's first view (epoch progression of the latest run) ` +
      `${formatMs(r.startup.firstMs)} ms, repeated ${formatMs(r.startup.nextMs)} ms, a filter never asked ${formatMs(r.startup.neverMs)} ms.`,
    '',
    'Same figures, three methods (all agree to 1e-9): ours = the API (cold: a filter never asked before; for one run and all runs it keeps every row, for reward ≥ 0 it drops rows); DuckDB = SQL over the Parquet copy of the same rows; plan = load every column with LanceDB, then aggregate in JS.',
    '',
    table(
      [
        'scope',
        'figure',
        'values',
        'ours (ms)',
        'DuckDB (ms)',
        "plan's method (ms)",
        'ours / DuckDB',
        'plan / ours',
      ],
      ['---', '---', '---:', '---:', '---:', '---:', '---:', '---:'],
      r.figures.map((f) => [
        f.scope,
        f.figure,
        String(f.values),
        formatMs(f.oursMs),
        formatMs(f.duckdbMs),
        f.planMs === null ? 'not run †' : formatMs(f.planMs),
        ratio(f.oursMs, f.duckdbMs),
        f.planMs === null ? '—' : ratio(f.planMs, f.oursMs),
      ]),
    ),
    ...(r.figures.some((f) => f.planMs === null)
      ? [
          '',
          `† Not run above ${PLAN_MAX_ROWS.toLocaleString('en-US')} rows: the plan's method holds every column of every row (steps_json included) as JS values at once, which does not fit this machine's memory at this size.`,
        ]
      : []),
    '',
    'Endpoints in-process (cold = a filter never asked before that drops rows, reward ≥ −0.1, or the result cache cleared where the endpoint takes no filters; warm = the same request again):',
    '',
    table(
      ['endpoint', 'cold (ms)', 'warm (ms)'],
      ['---', '---:', '---:'],
      r.endpoints.map((e) => [
        `\`${e.label}\`${e.cold === 'cache cleared' ? ' †' : ''}`,
        formatMs(e.coldMs),
        formatMs(e.warmMs),
      ]),
    ),
    '',
    '† cache cleared.',
    '',
    `Failure list pages (100 rows, cold): ${r.failurePages
      .map(
        (p) =>
          `offset ${p.offset.toLocaleString('en-US')}: ${formatMs(p.ms)} ms (${p.rows} of ${p.total.toLocaleString('en-US')})`,
      )
      .join('; ')}.`,
    '',
    r.append
      ? `Append of ${r.append.rows.toLocaleString('en-US')} rows through the ingest: ${formatMs(r.append.appendMs)} ms; ` +
        `preparing the new version in the background (the appended rows read, the recent requests answered) ` +
        `${formatMs(r.append.prepareMs)} ms; then the first request asked before the append (counting the new rows) ` +
        `${formatMs(r.append.firstMs)} ms, repeated ${formatMs(r.append.nextMs)} ms, one never asked ${formatMs(r.append.neverMs)} ms.`
      : 'Append of 10,000 rows through the ingest: did not finish within 5 minutes (not measured).',
    '',
  ];
  if (r.pages) {
    lines.push(
      `Pages (\`next start\`, server-side rendering of each tab's deep link). From start to \`/api/health\` \`ok\` ` +
        `${formatMs(r.pages.readyMs)} ms; then the first page (the overview of a run) ${formatMs(r.pages.firstMs)} ms, ` +
        `the first with a filter never asked ${formatMs(r.pages.firstNewMs)} ms:`,
      '',
      table(
        ['tab', 'cold (ms)', 'warm (ms)'],
        ['---', '---:', '---:'],
        r.pages.tabs.map((t) => [t.tab, formatMs(t.coldMs), formatMs(t.warmMs)]),
      ),
    );
  } else {
    lines.push(
      'Pages: skipped, the app is not built (`.next` missing; `npm run bench -- --build` builds it first).',
    );
  }
  return lines.join('\n');
}

/** Replaces (or appends) this size's section of the benchmarks document. */
export function writeSection(file: string, key: string, section: string): void {
  const marker = `<!-- bench ${key} -->`;
  const previous = fs.readFileSync(file, 'utf8');
  const block = `${marker}\n\n${section}\n\n${marker}`;
  const pattern = new RegExp(`${marker}[\\s\\S]*?${marker}`);
  fs.writeFileSync(
    file,
    pattern.test(previous) ? previous.replace(pattern, block) : `${previous.trimEnd()}\n\n${block}\n`,
  );
}
