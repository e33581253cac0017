import type { ListClause, NumberClause, ParamSpec, TextClause } from '../params/spec';
import { ANY_TOOL, FILTER_KEYS, PARAMS } from '../params/table';
import type { Filters } from './query';
import type { StepMatches } from './step-search';

/** A SQL string literal: the value is data, quotes are doubled, nothing else is special in LanceDB's SQL. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function sqlList(values: readonly string[]): string {
  return values.map(sqlString).join(', ');
}

function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

// Column names come from the parameter table, never from a URL; values are always literals.
const LIST_CLAUSES: Record<ListClause['op'], (column: string, values: string) => string> = {
  in: (column, values) => `${column} IN (${values})`,
  has_any: (column, values) => `array_has_any(${column}, [${values}])`,
  has_all: (column, values) => `array_has_all(${column}, [${values}])`,
  has_none: (column, values) => `NOT array_has_any(${column}, [${values}])`,
};

function numberClause({ op, column }: NumberClause, value: number): string {
  return `${column} ${op} ${sqlNumber(value)}`;
}

function textClause(clause: TextClause, value: string, steps: StepMatches | null): string | undefined {
  if (clause.op === 'failed_tool')
    return value === ANY_TOOL ? 'tool_error_count > 0' : `array_has(tools_failed, ${sqlString(value)})`;
  const text = value.trim();
  if (text === '') return undefined;
  const needle = sqlString(text.toLowerCase());
  const inSteps =
    clause.steps && steps && steps.trajectoryIds.length > 0
      ? [`trajectory_id IN (${sqlList(steps.trajectoryIds)})`]
      : [];
  return [...clause.columns.map((column) => `strpos(lower(${column}), ${needle}) > 0`), ...inSteps].join(
    ' OR ',
  );
}

/** The clause of one filter value, as its spec in the parameter table says. */
function filterClause(spec: ParamSpec, value: unknown, steps: StepMatches | null): string | undefined {
  switch (spec.kind) {
    case 'list': {
      const items = value as string[];
      return spec.where && items.length > 0
        ? LIST_CLAUSES[spec.where.op](spec.where.column, sqlList(items))
        : undefined;
    }
    case 'int':
    case 'float':
      return spec.where ? numberClause(spec.where, value as number) : undefined;
    case 'text':
      return spec.where ? textClause(spec.where, value as string, steps) : undefined;
    default:
      return undefined;
  }
}

/**
 * Compiles validated filters into a LanceDB `where` clause (undefined when nothing filters). Every string is a quoted
 * literal and every number is checked finite, so no filter value can change the shape of the clause. `steps`: the
 * trajectories whose steps match `q` (stepMatches), which `q` then selects too.
 */
export function compileWhere(filters: Filters, steps: StepMatches | null = null): string | undefined {
  const clauses = FILTER_KEYS.flatMap((key) => {
    const value = filters[key];
    const clause = value === undefined ? undefined : filterClause(PARAMS[key], value, steps);
    return clause === undefined ? [] : [clause];
  });
  return andWhere(...clauses);
}

/** Joins extra clauses (already safe) onto a compiled filter. */
export function andWhere(...clauses: (string | undefined)[]): string | undefined {
  const present = clauses.filter((c): c is string => !!c);
  return present.length > 0 ? present.map((c) => `(${c})`).join(' AND ') : undefined;
}
