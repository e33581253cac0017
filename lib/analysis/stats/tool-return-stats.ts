import { list, type Scan } from '../scan/scan';
import { defineStat } from '../stat';

export interface ToolReturn {
  tool: string;
  calls: number;
  successes: number;
  failures: number;
  /** failures / calls. */
  failure_rate: number;
  /** Trajectories that called the tool at least once. */
  trajectories: number;
}

export interface ToolReturnStats {
  total_calls: number;
  total_failures: number;
  failure_rate: number | null;
  /** Most-called first. */
  tools: ToolReturn[];
}

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
  columns: ['tool_call_names', 'tool_call_failed'],
  params: [],
  groupable: true,
  compute: ({ scan, rows }) => computeToolReturnStats(scan, rows),
});
