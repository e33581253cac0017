import { sqlList, sqlNumber, sqlString } from '../../db/sql';
import { filterClauses } from './clauses';
import type { Clause } from './filter';
import type { Filters } from './query';

/** One clause as SQL. Column names come from the parameter table, never from a URL; values are always literals. */
function clauseSql(clause: Clause): string {
  switch (clause.op) {
    case 'in':
      return `${clause.column} IN (${sqlList(clause.values)})`;
    case 'has_any':
      return `array_has_any(${clause.column}, [${sqlList(clause.values)}])`;
    case 'has_all':
      return `array_has_all(${clause.column}, [${sqlList(clause.values)}])`;
    case 'has_none':
      return `NOT array_has_any(${clause.column}, [${sqlList(clause.values)}])`;
    case '=':
    case '>=':
    case '<=':
      return `${clause.column} ${clause.op} ${sqlNumber(clause.value)}`;
    case 'any_tool_failed':
      return 'tool_error_count > 0';
    case 'failed_tool':
      return `array_has(tools_failed, ${sqlString(clause.value)})`;
    case 'scored':
      return 'reward IS NOT NULL';
    case 'unscored':
      return 'reward IS NULL';
    case 'labelled':
      throw new Error('a label match has no SQL form: apply it after the scan (afterScan)');
    case 'contains': {
      if (clause.steps)
        throw new Error('a step-text match has no SQL form: apply it after the scan (afterScan)');
      const needle = sqlString(clause.needle);
      return clause.columns.map((column) => `strpos(lower(${column}), ${needle}) > 0`).join(' OR ');
    }
  }
}

/**
 * The clauses a LanceDB `where` can hold (`pushed`) and those applied to the scanned rows afterwards (`after`: a
 * search that matched the step text, or a note label, whose row ids no `where` holds at any size).
 */
export function afterScan(clauses: readonly Clause[]): { pushed: Clause[]; after: Clause[] } {
  const after = clauses.filter(
    (clause) => (clause.op === 'contains' && clause.steps) || clause.op === 'labelled',
  );
  return { pushed: clauses.filter((clause) => !after.includes(clause)), after };
}

/** The filter form as a LanceDB `where` (undefined when nothing filters): the pushed-down back end. */
export function sqlWhere(clauses: readonly Clause[]): string | undefined {
  return andWhere(...clauses.map(clauseSql));
}

/**
 * Compiles validated filters into a LanceDB `where` clause (undefined when nothing filters). Every string is a quoted
 * literal and every number is checked finite, so no filter value can change the shape of the clause.
 */
export function compileWhere(filters: Filters): string | undefined {
  return sqlWhere(filterClauses(filters));
}

/** Joins extra clauses (already safe) onto a compiled filter. */
export function andWhere(...clauses: (string | undefined)[]): string | undefined {
  const present = clauses.filter((c): c is string => !!c);
  return present.length > 0 ? present.map((c) => `(${c})`).join(' AND ') : undefined;
}
