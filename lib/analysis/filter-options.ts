import { pickFilters, type AnalysisQuery } from './query';
import { emptyScan, ints, list, scanTable, strings } from './scan/scan';
import { cached, type Source } from './source';
import { compileWhere } from './where';

/** What the filter bar offers besides the trainings (which the training list already has). */
export interface FilterOptions {
  /** Epochs of the selected trainings (all trainings when none is selected), ascending. */
  epochs: number[];
  /** Termination reasons, most frequent first. */
  terminationReasons: string[];
  /** Tools, most called first. */
  tools: string[];
}

const COLUMNS = ['epoch_id', 'termination_reason', 'tool_call_names'] as const;

function byCount(values: string[], counts: Float64Array): string[] {
  return [...counts.keys()]
    .filter((code) => counts[code] > 0)
    .sort((a, b) => counts[b] - counts[a] || (values[a] < values[b] ? -1 : 1))
    .map((code) => values[code]);
}

/** The values the filter bar offers, discovered from the data of the selected trainings (never hard-coded). */
export function filterOptions(
  source: Source,
  query: Pick<AnalysisQuery, 'training_id'>,
): Promise<FilterOptions> {
  const selection = { training_id: query.training_id };
  return cached(source, 'filter-options', selection, async () => {
    const scan = source.table
      ? await scanTable(source.table, { where: compileWhere(pickFilters(selection)), columns: COLUMNS })
      : emptyScan(COLUMNS);
    const epochs = new Set(ints(scan, 'epoch_id'));
    const reasons = strings(scan, 'termination_reason');
    const reasonCounts = new Float64Array(reasons.values.length);
    for (const code of reasons.codes) reasonCounts[code]++;
    const tools = list(scan, 'tool_call_names');
    const toolCounts = new Float64Array(tools.values.length);
    for (const code of tools.codes) toolCounts[code]++;
    return {
      epochs: [...epochs].sort((a, b) => a - b),
      terminationReasons: byCount(reasons.values, reasonCounts),
      tools: byCount(tools.values, toolCounts),
    };
  });
}
