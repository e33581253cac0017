import type { Step } from '../db';
import { pickFilters, type AnalysisQuery } from './query';
import { parseSteps, takeRows } from './rows';
import { list, scanTable } from './scan/scan';
import { cached, openSource, type Source } from './source';
import { assertTrainingsExist } from './stat';
import { andWhere, compileWhere } from './where';

export const DEFAULT_CONTEXT_LIMIT = 50;

export interface ToolContext {
  trajectory_id: string;
  training_id: string;
  epoch_id: number;
  data_id: string;
  question: string | null;
  reward: number;
  termination_reason: string;
  tool: string;
  /** Position of the failed step in the trajectory (0-based). */
  step_index: number;
  step_count: number;
  before: Step | null;
  failed: Step;
  after: Step | null;
}

export interface UnexpectedToolContexts {
  /** Failed calls in the selection (of `tool`, when given). */
  total: number;
  limit: number;
  offset: number;
  tool: string | null;
  /** Failed calls per tool in the selection, most first (ignores `tool`, so it can drive a tool picker). */
  tools: Record<string, number>;
  data: ToolContext[];
}

const PAGE_COLUMNS = [
  'trajectory_id',
  'training_id',
  'epoch_id',
  'data_id',
  'question',
  'reward',
  'termination_reason',
  'steps_json',
];

/** Each failed tool call with the step before and after it, paged over calls. */
export async function unexpectedToolContexts(
  query: AnalysisQuery,
  source?: Source,
): Promise<UnexpectedToolContexts> {
  const src = source ?? (await openSource());
  await assertTrainingsExist(src, query.training_id);
  const limit = query.limit ?? DEFAULT_CONTEXT_LIMIT;
  const tool = query.tool ?? null;
  const base = { total: 0, limit, offset: query.offset, tool, tools: {}, data: [] as ToolContext[] };
  if (!src.table) return base;
  const table = src.table;
  return cached(src, 'unexpected-tool-contexts', query, async () => {
    const scan = await scanTable(table, {
      where: andWhere(compileWhere(pickFilters(query)), 'tool_error_count > 0'),
      columns: ['tool_call_names', 'tool_call_failed'],
      withRowIds: true,
    });
    const names = list(scan, 'tool_call_names');
    const failed = scan.toolCallFailed!;
    const wanted = tool === null ? -1 : names.values.indexOf(tool);
    const perTool = new Float64Array(names.values.length);
    const matching = new Int32Array(scan.length);
    for (let i = 0; i < scan.length; i++) {
      for (let at = names.offsets[i]; at < names.offsets[i + 1]; at++) {
        if (!failed[at]) continue;
        perTool[names.codes[at]]++;
        if (tool === null || names.codes[at] === wanted) matching[i]++;
      }
    }
    // Rows holding the calls offset .. offset+limit-1, and how many matching calls precede the first of them.
    const pageRows: bigint[] = [];
    let seen = 0;
    let skipInFirst = 0;
    let total = 0;
    for (let i = 0; i < scan.length; i++) {
      if (matching[i] > 0 && seen + matching[i] > query.offset && seen < query.offset + limit) {
        if (pageRows.length === 0) skipInFirst = query.offset - seen;
        pageRows.push(scan.rowIds![i]);
      }
      seen += matching[i];
      total += matching[i];
    }
    const contexts: ToolContext[] = [];
    for (const row of await takeRows(table, pageRows, PAGE_COLUMNS)) {
      const steps = parseSteps(row.steps_json);
      steps.forEach((step, index) => {
        if (step.tool_status !== 'error' || (tool !== null && step.action !== tool)) return;
        contexts.push({
          trajectory_id: String(row.trajectory_id),
          training_id: String(row.training_id),
          epoch_id: Number(row.epoch_id),
          data_id: String(row.data_id),
          question: (row.question as string | null) ?? null,
          reward: Number(row.reward),
          termination_reason: String(row.termination_reason),
          tool: step.action,
          step_index: index,
          step_count: steps.length,
          before: steps[index - 1] ?? null,
          failed: step,
          after: steps[index + 1] ?? null,
        });
      });
    }
    const tools = Object.fromEntries(
      [...perTool.keys()]
        .filter((t) => perTool[t] > 0)
        .sort((a, b) => perTool[b] - perTool[a] || (names.values[a] < names.values[b] ? -1 : 1))
        .map((t) => [names.values[t], perTool[t]]),
    );
    return { ...base, total, tools, data: contexts.slice(skipInFirst, skipInFirst + limit) };
  });
}
