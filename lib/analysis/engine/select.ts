import {
  ints,
  list,
  strings,
  type FloatColumn,
  type IntColumn,
  type ListColumn,
  type ListData,
  type Scan,
  type StringColumn,
} from '../scan/scan';
import type { Clause } from '../filters/filter';

/** Per dictionary code, 1 when the value is one of `wanted`. */
function codeSet(values: readonly string[], wanted: readonly string[]): Uint8Array {
  const set = new Uint8Array(values.length);
  const want = new Set(wanted);
  for (let code = 0; code < values.length; code++) if (want.has(values[code])) set[code] = 1;
  return set;
}

/** The rows (ascending) among `rows` (all rows when null) that pass `test`. */
function narrow(rows: Int32Array | null, length: number, test: (i: number) => boolean): Int32Array {
  const count = rows ? rows.length : length;
  const out = new Int32Array(count);
  let kept = 0;
  if (rows) {
    for (let j = 0; j < count; j++) if (test(rows[j])) out[kept++] = rows[j];
  } else {
    for (let i = 0; i < count; i++) if (test(i)) out[kept++] = i;
  }
  return out.subarray(0, kept);
}

function narrowByCode(
  rows: Int32Array | null,
  length: number,
  codes: Int32Array,
  set: Uint8Array,
): Int32Array {
  const count = rows ? rows.length : length;
  const out = new Int32Array(count);
  let kept = 0;
  if (rows) {
    for (let j = 0; j < count; j++) {
      const code = codes[rows[j]];
      if (code >= 0 && set[code] === 1) out[kept++] = rows[j];
    }
  } else {
    for (let i = 0; i < count; i++) {
      const code = codes[i];
      if (code >= 0 && set[code] === 1) out[kept++] = i;
    }
  }
  return out.subarray(0, kept);
}

/** The rows among `rows` (all rows when null) whose value compares with `bound` as `op` says. */
function narrowByNumber(
  rows: Int32Array | null,
  length: number,
  values: ArrayLike<number>,
  op: '=' | '>=' | '<=',
  bound: number,
): Int32Array {
  const count = rows ? rows.length : length;
  const out = new Int32Array(count);
  let kept = 0;
  // One loop per operator and input kind: the comparison is not re-decided for every row.
  if (rows && op === '>=') {
    for (let j = 0; j < count; j++) if (values[rows[j]] >= bound) out[kept++] = rows[j];
  } else if (rows && op === '<=') {
    for (let j = 0; j < count; j++) if (values[rows[j]] <= bound) out[kept++] = rows[j];
  } else if (rows) {
    for (let j = 0; j < count; j++) if (values[rows[j]] === bound) out[kept++] = rows[j];
  } else if (op === '>=') {
    for (let i = 0; i < count; i++) if (values[i] >= bound) out[kept++] = i;
  } else if (op === '<=') {
    for (let i = 0; i < count; i++) if (values[i] <= bound) out[kept++] = i;
  } else {
    for (let i = 0; i < count; i++) if (values[i] === bound) out[kept++] = i;
  }
  return out.subarray(0, kept);
}

/** Whether row i's list holds an item whose code is in `set`. */
function hasAny(data: ListData, set: Uint8Array, i: number): boolean {
  for (let j = data.offsets[i]; j < data.offsets[i + 1]; j++) if (set[data.codes[j]] === 1) return true;
  return false;
}

function hasAll(data: ListData, required: readonly number[], i: number): boolean {
  const start = data.offsets[i];
  const end = data.offsets[i + 1];
  for (const code of required) {
    let found = false;
    for (let j = start; j < end && !found; j++) found = data.codes[j] === code;
    if (!found) return false;
  }
  return true;
}

function numbers(scan: Scan, column: string): ArrayLike<number> {
  const values = scan.ints[column as IntColumn] ?? scan.floats[column as FloatColumn];
  if (!values) throw new Error(`select: numeric column ${column} is not resident`);
  return values;
}

function applyClause(scan: Scan, rows: Int32Array | null, clause: Clause): Int32Array {
  const length = scan.length;
  switch (clause.op) {
    case 'in': {
      const column = strings(scan, clause.column as StringColumn);
      const set = codeSet(column.values, clause.values);
      const wanted = set.reduce((sum, bit) => sum + bit, 0);
      if (rows === null && wanted === 1)
        return rowsByCode(scan, clause.column as StringColumn)[set.indexOf(1)];
      return narrowByCode(rows, length, column.codes, set);
    }
    case '=':
    case '>=':
    case '<=': {
      return narrowByNumber(rows, length, numbers(scan, clause.column), clause.op, clause.value);
    }
    case 'has_any':
    case 'has_none': {
      const data = list(scan, clause.column as ListColumn);
      const set = codeSet(data.values, clause.values);
      const wanted = clause.op === 'has_any';
      return narrow(rows, length, (i) => hasAny(data, set, i) === wanted);
    }
    case 'has_all': {
      const data = list(scan, clause.column as ListColumn);
      const required = [...new Set(clause.values)].map((value) => data.values.indexOf(value));
      if (required.includes(-1)) return new Int32Array(0);
      return narrow(rows, length, (i) => hasAll(data, required, i));
    }
    case 'any_tool_failed': {
      const errors = ints(scan, 'tool_error_count');
      return narrow(rows, length, (i) => errors[i] > 0);
    }
    case 'scored':
    case 'unscored': {
      // Nulls are NaN in a resident float column. A table without any skips `scored` (keepsEveryRow) and answers
      // `unscored` at once: every filtered answer asks for its unscored_count.
      const wanted = clause.op === 'scored';
      if (!wanted && !rangeOf(scan, 'reward').missing) return new Int32Array(0);
      const rewards = numbers(scan, 'reward');
      return narrow(rows, length, (i) => Number.isNaN(rewards[i]) !== wanted);
    }
    case 'failed_tool': {
      const data = list(scan, 'tools_failed');
      const set = codeSet(data.values, [clause.value]);
      return narrow(rows, length, (i) => hasAny(data, set, i));
    }
    case 'labelled': {
      const rowIds = scan.rowIds;
      if (!rowIds) throw new Error('select: label matches need the row ids of the resident rows');
      const set = clause.labels.rowIds;
      return narrow(rows, length, (i) => set.has(rowIds[i]));
    }
    case 'contains': {
      // Case-insensitive substring of any of the columns (a null value never matches), or a step-text match by row id.
      const matches = clause.columns.map((name) => {
        const column = strings(scan, name as StringColumn);
        return {
          codes: column.codes,
          set: Uint8Array.from(column.values, (value) =>
            value.toLowerCase().includes(clause.needle) ? 1 : 0,
          ),
        };
      });
      const stepRows = clause.steps && clause.steps.rowIds.size > 0 ? clause.steps.rowIds : null;
      const rowIds = stepRows ? scan.rowIds : undefined;
      if (stepRows && !rowIds) throw new Error('select: step matches need the row ids of the resident rows');
      return narrow(
        rows,
        length,
        (i) =>
          matches.some(({ codes, set }) => codes[i] >= 0 && set[codes[i]] === 1) ||
          (stepRows !== null && stepRows.has(rowIds![i])),
      );
    }
  }
}

/** Cheap and usually selective clauses first: each later one only visits the rows the earlier ones kept. */
const ORDER: Record<Clause['op'], number> = {
  in: 0,
  '=': 1,
  '>=': 2,
  '<=': 2,
  any_tool_failed: 3,
  failed_tool: 3,
  scored: 3,
  unscored: 3,
  has_any: 4,
  has_none: 4,
  has_all: 4,
  contains: 5,
  labelled: 5,
};

const postings = new WeakMap<Scan, Map<StringColumn, Int32Array[]>>();

/**
 * Per dictionary code of a string column, its rows (ascending), built once per scan and column: selecting one
 * training (every page does) is then a lookup, and the same array each time (callers only read selections).
 */
function rowsByCode(scan: Scan, column: StringColumn): Int32Array[] {
  let byColumn = postings.get(scan);
  if (!byColumn) postings.set(scan, (byColumn = new Map()));
  let lists = byColumn.get(column);
  if (!lists) {
    const { codes, values } = strings(scan, column);
    const counts = new Int32Array(values.length);
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) counts[codes[i]]++;
    lists = Array.from(counts, (count) => new Int32Array(count));
    const filled = new Int32Array(values.length);
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) lists[codes[i]][filled[codes[i]]++] = i;
    byColumn.set(column, lists);
  }
  return lists;
}

interface ValueRange {
  low: number;
  high: number;
  /** Whether some value is missing (NaN), which no comparison keeps. */
  missing: boolean;
}

const ranges = new WeakMap<Scan, Map<string, ValueRange>>();

/** The smallest and largest value of a numeric column, found once per scan. */
function rangeOf(scan: Scan, column: string): ValueRange {
  let byColumn = ranges.get(scan);
  if (!byColumn) ranges.set(scan, (byColumn = new Map()));
  let range = byColumn.get(column);
  if (!range) {
    const values = numbers(scan, column);
    range = { low: Infinity, high: -Infinity, missing: false };
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (Number.isNaN(value)) range.missing = true;
      else {
        if (value < range.low) range.low = value;
        if (value > range.high) range.high = value;
      }
    }
    byColumn.set(column, range);
  }
  return range;
}

/**
 * Whether a clause provably keeps every row: a bound at or beyond the column's whole range (a reward_min below the
 * lowest reward, an epoch_max past the last epoch) with no value missing. Such a clause is skipped, not run.
 */
function keepsEveryRow(scan: Scan, clause: Clause): boolean {
  if (clause.op === 'scored') return !rangeOf(scan, 'reward').missing;
  if (clause.op !== '>=' && clause.op !== '<=') return false;
  const { low, high, missing } = rangeOf(scan, clause.column);
  if (missing) return false;
  return clause.op === '>=' ? clause.value <= low : clause.value >= high;
}

/** The rows of `scan` (ascending indices) that satisfy every clause. */
export function selectWhere(scan: Scan, clauses: readonly Clause[]): Int32Array {
  let rows: Int32Array | null = null;
  const needed = clauses.filter((clause) => !keepsEveryRow(scan, clause));
  for (const clause of needed.sort((a, b) => ORDER[a.op] - ORDER[b.op])) {
    rows = applyClause(scan, rows, clause);
    if (rows.length === 0) break;
  }
  return rows ?? allRowsOf(scan);
}

const everyRow = new WeakMap<Scan, Int32Array>();

/** 0 … n−1 for a scan, made once per scan (callers only read selections). */
function allRowsOf(scan: Scan): Int32Array {
  let rows = everyRow.get(scan);
  if (!rows) {
    rows = new Int32Array(scan.length);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    everyRow.set(scan, rows);
  }
  return rows;
}
