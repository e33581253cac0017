import type { ParamSpec } from '../../params/spec';
import { FILTER_KEYS, PARAMS } from '../../params/table';
import { ANY_TOOL } from '../../vocabulary';
import type { Clause, LabelMatches, StepMatches } from './filter';
import type { Filters } from './query';

/**
 * Which trajectories a selection keeps besides the filters: `scored` ones (every figure), `unscored` ones (counted
 * apart), or `any` (lists of what exists: trainings, filter options).
 */
export type Scoring = 'scored' | 'unscored' | 'any';

function clauseOf(spec: ParamSpec, value: unknown, steps: StepMatches | null): Clause | undefined {
  switch (spec.kind) {
    case 'list': {
      const values = value as string[];
      return spec.where && values.length > 0 ? { ...spec.where, values } : undefined;
    }
    case 'int':
    case 'float':
      // A lifted bound (`reward_max=any`, read as ±∞) is given but narrows nothing.
      return spec.where && Number.isFinite(value) ? { ...spec.where, value: value as number } : undefined;
    case 'text': {
      if (!spec.where) return undefined;
      const text = value as string;
      if (spec.where.op === 'failed_tool')
        return text === ANY_TOOL ? { op: 'any_tool_failed' } : { op: 'failed_tool', value: text };
      if (spec.where.op === 'has_any') return { op: 'has_any', column: spec.where.column, values: [text] };
      const needle = text.trim().toLowerCase();
      if (needle === '') return undefined;
      const matches = spec.where.steps && steps ? { steps } : {};
      return { op: 'contains', columns: spec.where.columns, needle, ...matches };
    }
    default:
      return undefined;
  }
}

/**
 * Validated filters in the one filter form, one clause per filter that narrows the rows, as each filter's `where`
 * in the parameter table says; `steps`: the trajectories whose steps match `q` (stepMatches), which `q` then selects
 * too; `labels`: the trajectories carrying a label of `label` (labelMatches), required when `label` is given.
 */
export function filterClauses(
  filters: Filters,
  steps: StepMatches | null = null,
  scoring: Scoring = 'scored',
  labels: LabelMatches | null = null,
): Clause[] {
  const clauses = FILTER_KEYS.flatMap((key) => {
    const value = filters[key];
    const clause = value === undefined ? undefined : clauseOf(PARAMS[key], value, steps);
    return clause ? [clause] : [];
  });
  if (filters.label?.length) {
    if (!labels) throw new Error('a label filter needs its matches (labelMatches)');
    clauses.push({ op: 'labelled', labels });
  }
  // Every figure is over scored trajectories: one whose log gave no score is counted apart (unscored_count), never as 0.
  return scoring === 'any' ? clauses : [...clauses, { op: scoring }];
}
