import type { ListClause, NumberClause, ParamSpec } from '../../params/spec';
import { ANY_TOOL, FILTER_KEYS, PARAMS } from '../../params/table';
import type { Filters } from '../query';
import type { StepMatches } from '../step-search';

/**
 * A filter as an operation on resident columns: the same dispatch as compileWhere (lib/analysis/where.ts) over the
 * `where` of each filter in the parameter table, producing a selection here instead of a LanceDB `where` string.
 */
export type Clause =
  | { op: ListClause['op']; column: string; values: readonly string[] }
  | { op: NumberClause['op']; column: string; value: number }
  | { op: 'any_tool_failed' }
  | { op: 'failed_tool'; value: string }
  | { op: 'contains'; columns: readonly string[]; needle: string; rowIds?: ReadonlySet<bigint> };

function clauseOf(spec: ParamSpec, value: unknown, steps: StepMatches | null): Clause | undefined {
  switch (spec.kind) {
    case 'list': {
      const values = value as string[];
      return spec.where && values.length > 0 ? { ...spec.where, values } : undefined;
    }
    case 'int':
    case 'float':
      return spec.where ? { ...spec.where, value: value as number } : undefined;
    case 'text': {
      if (!spec.where) return undefined;
      const text = value as string;
      if (spec.where.op === 'failed_tool')
        return text === ANY_TOOL ? { op: 'any_tool_failed' } : { op: 'failed_tool', value: text };
      const needle = text.trim().toLowerCase();
      if (needle === '') return undefined;
      const rowIds = spec.where.steps && steps ? steps.rowIds : undefined;
      return { op: 'contains', columns: spec.where.columns, needle, ...(rowIds ? { rowIds } : {}) };
    }
    default:
      return undefined;
  }
}

/** The clauses of validated filters, one per filter that narrows the rows; `steps` as for compileWhere. */
export function filterClauses(filters: Filters, steps: StepMatches | null = null): Clause[] {
  return FILTER_KEYS.flatMap((key) => {
    const value = filters[key];
    const clause = value === undefined ? undefined : clauseOf(PARAMS[key], value, steps);
    return clause ? [clause] : [];
  });
}

/** The columns the clauses read. */
export function clauseColumns(clauses: readonly Clause[]): string[] {
  return clauses.flatMap((clause) => {
    switch (clause.op) {
      case 'any_tool_failed':
        return ['tool_error_count'];
      case 'failed_tool':
        return ['tools_failed'];
      case 'contains':
        return [...clause.columns];
      default:
        return [clause.column];
    }
  });
}
