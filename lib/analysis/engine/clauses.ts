import type { ListClause, NumberClause, ParamSpec } from '../../params/spec';
import { ANY_TOOL, FILTER_KEYS, PARAMS } from '../../params/table';
import type { Filters } from '../query';

/**
 * A filter as an operation on resident columns: the same dispatch as compileWhere (lib/analysis/where.ts) over the
 * `where` of each filter in the parameter table, producing a selection here instead of a LanceDB `where` string.
 */
export type Clause =
  | { op: ListClause['op']; column: string; values: readonly string[] }
  | { op: NumberClause['op']; column: string; value: number }
  | { op: 'any_tool_failed' }
  | { op: 'failed_tool'; value: string }
  | { op: 'contains'; columns: readonly string[]; needle: string };

function clauseOf(spec: ParamSpec, value: unknown): Clause | undefined {
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
      return needle === '' ? undefined : { op: 'contains', columns: spec.where.columns, needle };
    }
    default:
      return undefined;
  }
}

/** The clauses of validated filters, one per filter that narrows the rows. */
export function filterClauses(filters: Filters): Clause[] {
  return FILTER_KEYS.flatMap((key) => {
    const value = filters[key];
    const clause = value === undefined ? undefined : clauseOf(PARAMS[key], value);
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
