import { z } from 'zod';
import { list, type Scan } from '../scan/scan';
import { defineStat } from '../stat';
import { count, nullableNumber, rate } from './response-parts';

const toolReturn = z
  .object({
    tool: z.string(),
    calls: z.number().int().positive(),
    successes: count,
    failures: count,
    /** failures / calls. */
    failure_rate: rate,
    /** Trajectories that called the tool at least once. */
    trajectories: z.number().int().positive(),
  })
  .strict();
export type ToolReturn = z.infer<typeof toolReturn>;

export const toolReturnStatsResponse = z
  .object({
    total_calls: count,
    total_failures: count,
    failure_rate: nullableNumber,
    /** Most-called first. */
    tools: z.array(toolReturn),
  })
  .strict();
export type ToolReturnStats = z.infer<typeof toolReturnStatsResponse>;

/** Per tool: how often it was called and how often the call failed. */
export function computeToolReturnStats(scan: Scan, rows: Int32Array): ToolReturnStats {
  const names = list(scan, 'tool_call_names');
  const failed = scan.toolCallFailed;
  if (!failed) throw new Error('scan: column tool_call_failed was not selected');
  const size = names.values.length;
  const calls = new Float64Array(size);
  const failures = new Float64Array(size);
  const trajectories = new Float64Array(size);
  const lastRow = new Int32Array(size).fill(-1);
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    for (let at = names.offsets[i]; at < names.offsets[i + 1]; at++) {
      const tool = names.codes[at];
      calls[tool]++;
      failures[tool] += failed[at];
      if (lastRow[tool] !== i) {
        lastRow[tool] = i;
        trajectories[tool]++;
      }
    }
  }
  const tools: ToolReturn[] = [];
  let totalCalls = 0;
  let totalFailures = 0;
  for (let t = 0; t < size; t++) {
    if (calls[t] === 0) continue;
    totalCalls += calls[t];
    totalFailures += failures[t];
    tools.push({
      tool: names.values[t],
      calls: calls[t],
      successes: calls[t] - failures[t],
      failures: failures[t],
      failure_rate: failures[t] / calls[t],
      trajectories: trajectories[t],
    });
  }
  tools.sort((a, b) => b.calls - a.calls || (a.tool < b.tool ? -1 : 1));
  return {
    total_calls: totalCalls,
    total_failures: totalFailures,
    failure_rate: totalCalls > 0 ? totalFailures / totalCalls : null,
    tools,
  };
}

export const toolReturnStats = defineStat({
  name: 'tool-return-stats',
  doc: {
    params: '`group_by`',
    answers: 'calls and failures per tool',
  },
  response: toolReturnStatsResponse,
  columns: ['tool_call_names', 'tool_call_failed'],
  params: [],
  groupable: true,
  compute: ({ scan, rows }) => computeToolReturnStats(scan, rows),
});
