/**
 * The vocabulary of the parameter table (lib/params/table.ts): what kinds of parameter exist, the role each plays,
 * and how a filter becomes a clause of the LanceDB `where`.
 */
import { MAX_ABS_NUMBER, MAX_ID_LENGTH } from '../limits';

/**
 * - filter: narrows the rows every figure is computed over (every analysis endpoint, the filter bar, chips).
 * - metric: how figures are computed (every analysis endpoint).
 * - view: state of the dashboard page only (the API ignores it).
 * - endpoint: accepted only by the endpoints that ask for it (those with `onPage` are also part of the dashboard URL).
 * - trajectory: state of the trajectory page only (not part of the dashboard URL; the API rejects it).
 */
export type Role = 'filter' | 'metric' | 'view' | 'endpoint' | 'trajectory';

/** A list filter: `column IN (…)`, or a list column holding any / all / none of the values. */
export interface ListClause {
  op: 'in' | 'has_any' | 'has_all' | 'has_none';
  column: string;
}

/** A numeric filter compared with a column. */
export interface NumberClause {
  op: '=' | '>=' | '<=';
  column: string;
}

/**
 * A text filter: a tool whose call failed (or any), or a case-insensitive substring of any of the columns; with
 * `steps`, also a full-text match of every word in the trajectory's steps (lib/analysis/step-search.ts); or (`has_any`)
 * a list column holding the text exactly, as one item (a text value may hold commas, which split a list filter's).
 */
export type TextClause =
  | { op: 'failed_tool' }
  | { op: 'contains'; columns: readonly string[]; steps?: boolean }
  | { op: 'has_any'; column: string };

interface Common {
  role: Role;
  /** What the parameter means, for docs/api.md. */
  doc: string;
  /** Part of the dashboard URL besides the filters and metric options (only for role `endpoint`). */
  onPage?: boolean;
}

interface FilterParts<C> {
  /** How a chip reads: "reward ≥", "termination:" (filters only). */
  chip?: string;
  /** The clause this filter adds to the `where` (filters only). */
  where?: C;
}

export interface ListSpec extends Common, FilterParts<ListClause> {
  kind: 'list';
  maxItems: number;
  /** Longest item. */
  maxLength: number;
}

export interface IntSpec extends Common, FilterParts<NumberClause> {
  kind: 'int';
  min: number;
  max: number;
  default?: number;
}

export interface FloatSpec extends Common, FilterParts<NumberClause> {
  kind: 'float';
  min: number;
  max: number;
  default?: number;
  /**
   * The word that lifts the bound (`reward_max=any`), read as an infinite value (+∞, or −∞ for a `>=` filter): the
   * parameter is given, so it overrides a default such as the failure list's `reward_max`, but it narrows nothing.
   */
  unbounded?: typeof NO_BOUND;
}

export interface EnumSpec<T extends string = string> extends Common {
  kind: 'enum';
  values: readonly T[];
  default?: T;
}

export interface TextSpec extends Common, FilterParts<TextClause> {
  kind: 'text';
  maxLength: number;
}

export type ParamSpec = ListSpec | IntSpec | FloatSpec | EnumSpec | TextSpec;

/** The value a parameter of this spec holds once read. */
export type ValueOf<S> = S extends { kind: 'list' }
  ? string[]
  : S extends { kind: 'int' | 'float' }
    ? number
    : S extends EnumSpec<infer T>
      ? T
      : string;

/** The value of a bound that lifts it (`reward_max=any`): no bound at all, not even a default one. */
export const NO_BOUND = 'any';

/** The infinite value the word `NO_BOUND` reads as: +∞ for an upper bound, −∞ for a lower (`>=`) one. */
export function unboundedValue(spec: FloatSpec): number {
  return spec.where?.op === '>=' ? -Infinity : Infinity;
}

/** Longest text value and list item; most list items. */
const MAX_TEXT = MAX_ID_LENGTH;
const MAX_ITEMS = 100;
const NUMBER_BOUND = MAX_ABS_NUMBER;

type Options<S> = Omit<S, 'kind'>;
type Defaults<S, K extends keyof S> = Omit<Options<S>, K> & Partial<Pick<S, K>>;

export function list<const O extends Defaults<ListSpec, 'maxItems' | 'maxLength'>>(options: O) {
  return { kind: 'list' as const, maxItems: MAX_ITEMS as number, maxLength: MAX_TEXT as number, ...options };
}

export function int<const O extends Options<IntSpec>>(options: O) {
  return { kind: 'int' as const, ...options };
}

export function float<const O extends Defaults<FloatSpec, 'min' | 'max'>>(options: O) {
  return { kind: 'float' as const, min: -NUMBER_BOUND as number, max: NUMBER_BOUND as number, ...options };
}

export function oneOf<const T extends string, const O extends Options<EnumSpec<T>>>(
  options: O & { values: readonly T[] },
) {
  return { kind: 'enum' as const, ...options };
}

export function text<const O extends Defaults<TextSpec, 'maxLength'>>(options: O) {
  return { kind: 'text' as const, maxLength: MAX_TEXT as number, ...options };
}

/** The value a parameter takes when absent, if it has one. */
export function defaultOf(spec: ParamSpec): ValueOf<ParamSpec> | undefined {
  return spec.kind === 'int' || spec.kind === 'float' || spec.kind === 'enum' ? spec.default : undefined;
}
