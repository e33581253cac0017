import type { Filters } from '../query';

/**
 * A filter as a clause over one column, in the vocabulary of lib/where.ts: each filter parameter maps to the same
 * operation there (a `where` string for LanceDB) and here (a selection over resident columns).
 */
export type Clause =
  | { op: 'in'; column: 'training_id' | 'termination_reason' | 'agent_name'; values: readonly string[] }
  | { op: '=' | '>=' | '<='; column: 'epoch_id' | 'tool_call_count'; value: number }
  | { op: '>=' | '<='; column: 'reward'; value: number }
  | { op: 'has_any' | 'has_all' | 'has_none'; column: 'tools_used'; values: readonly string[] }
  | { op: 'failed_tool'; value: string }
  | { op: 'contains'; columns: readonly ('question' | 'data_id')[]; value: string };

/** The clauses of validated filters (none for an absent or empty filter), mirroring compileWhere. */
export function filterClauses(filters: Filters): Clause[] {
  const clauses: Clause[] = [];
  const list = (values: readonly string[] | undefined) => (values?.length ? values : undefined);
  const training = list(filters.training_id);
  if (training) clauses.push({ op: 'in', column: 'training_id', values: training });
  if (filters.epoch_id !== undefined) clauses.push({ op: '=', column: 'epoch_id', value: filters.epoch_id });
  if (filters.epoch_min !== undefined)
    clauses.push({ op: '>=', column: 'epoch_id', value: filters.epoch_min });
  if (filters.epoch_max !== undefined)
    clauses.push({ op: '<=', column: 'epoch_id', value: filters.epoch_max });
  if (filters.reward_min !== undefined)
    clauses.push({ op: '>=', column: 'reward', value: filters.reward_min });
  if (filters.reward_max !== undefined)
    clauses.push({ op: '<=', column: 'reward', value: filters.reward_max });
  const reasons = list(filters.termination_reason);
  if (reasons) clauses.push({ op: 'in', column: 'termination_reason', values: reasons });
  const any = list(filters.tools_any);
  if (any) clauses.push({ op: 'has_any', column: 'tools_used', values: any });
  const all = list(filters.tools_all);
  if (all) clauses.push({ op: 'has_all', column: 'tools_used', values: all });
  const none = list(filters.tools_none);
  if (none) clauses.push({ op: 'has_none', column: 'tools_used', values: none });
  if (filters.tool_failed !== undefined) clauses.push({ op: 'failed_tool', value: filters.tool_failed });
  if (filters.tool_calls_min !== undefined)
    clauses.push({ op: '>=', column: 'tool_call_count', value: filters.tool_calls_min });
  if (filters.tool_calls_max !== undefined)
    clauses.push({ op: '<=', column: 'tool_call_count', value: filters.tool_calls_max });
  const agents = list(filters.agent_name);
  if (agents) clauses.push({ op: 'in', column: 'agent_name', values: agents });
  const text = filters.q?.trim();
  if (text) clauses.push({ op: 'contains', columns: ['question', 'data_id'], value: text });
  return clauses;
}
