import type { Filters } from './query';

/** A SQL string literal: the value is data, quotes are doubled, nothing else is special in LanceDB's SQL. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function sqlList(values: string[]): string {
  return values.map(sqlString).join(', ');
}

function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

/**
 * Compiles validated filters into a LanceDB `where` clause (undefined when nothing filters). Every string is a quoted
 * literal and every number is checked finite, so no filter value can change the shape of the clause.
 */
export function compileWhere(filters: Filters): string | undefined {
  const clauses: string[] = [];
  if (filters.training_id?.length) clauses.push(`training_id IN (${sqlList(filters.training_id)})`);
  if (filters.epoch_id !== undefined) clauses.push(`epoch_id = ${sqlNumber(filters.epoch_id)}`);
  if (filters.epoch_min !== undefined) clauses.push(`epoch_id >= ${sqlNumber(filters.epoch_min)}`);
  if (filters.epoch_max !== undefined) clauses.push(`epoch_id <= ${sqlNumber(filters.epoch_max)}`);
  if (filters.reward_min !== undefined) clauses.push(`reward >= ${sqlNumber(filters.reward_min)}`);
  if (filters.reward_max !== undefined) clauses.push(`reward <= ${sqlNumber(filters.reward_max)}`);
  if (filters.termination_reason?.length)
    clauses.push(`termination_reason IN (${sqlList(filters.termination_reason)})`);
  if (filters.tools_any?.length) clauses.push(`array_has_any(tools_used, [${sqlList(filters.tools_any)}])`);
  if (filters.tools_all?.length) clauses.push(`array_has_all(tools_used, [${sqlList(filters.tools_all)}])`);
  if (filters.tools_none?.length)
    clauses.push(`NOT array_has_any(tools_used, [${sqlList(filters.tools_none)}])`);
  if (filters.tool_failed !== undefined) {
    clauses.push(
      filters.tool_failed === 'any'
        ? 'tool_error_count > 0'
        : `array_has(tools_failed, ${sqlString(filters.tool_failed)})`,
    );
  }
  if (filters.tool_calls_min !== undefined)
    clauses.push(`tool_call_count >= ${sqlNumber(filters.tool_calls_min)}`);
  if (filters.tool_calls_max !== undefined)
    clauses.push(`tool_call_count <= ${sqlNumber(filters.tool_calls_max)}`);
  if (filters.agent_name?.length) clauses.push(`agent_name IN (${sqlList(filters.agent_name)})`);
  const text = filters.q?.trim();
  if (text) {
    const needle = sqlString(text.toLowerCase());
    clauses.push(`(strpos(lower(question), ${needle}) > 0 OR strpos(lower(data_id), ${needle}) > 0)`);
  }
  return clauses.length > 0 ? clauses.map((c) => `(${c})`).join(' AND ') : undefined;
}

/** Joins extra clauses (already safe) onto a compiled filter. */
export function andWhere(...clauses: (string | undefined)[]): string | undefined {
  const present = clauses.filter((c): c is string => !!c);
  return present.length > 0 ? present.map((c) => `(${c})`).join(' AND ') : undefined;
}
